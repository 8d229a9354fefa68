// fmt's compiled half for static builds (cmake/StaticLink.cmake): the non-template functions
// format-inl.h defines (vformat, ...) and the templates format.h declares but leaves to the library.
// Should a new fmt call need more, the static link fails and names the missing symbol.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;
template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;

}  // namespace detail
FMT_END_NAMESPACE
