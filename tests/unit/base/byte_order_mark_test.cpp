// Byte order marks as SnakeYAML's UnicodeReader tells them apart, and UTF-16/UTF-32 decoded to UTF-8.
#include <gtest/gtest.h>

#include <string>

#include "flinklint/text_util.hpp"

namespace flinklint {
namespace {

std::string bytes(std::initializer_list<unsigned char> list) {
    return {list.begin(), list.end()};
}

TEST(ByteOrderMark, EachMarkIsToldApart) {
    EXPECT_EQ(byte_order_mark(bytes({0xEF, 0xBB, 0xBF, 'a'})), ByteOrderMark::utf8);
    EXPECT_EQ(byte_order_mark(bytes({0xFF, 0xFE, 'a', 0})), ByteOrderMark::utf16le);
    EXPECT_EQ(byte_order_mark(bytes({0xFE, 0xFF, 0, 'a'})), ByteOrderMark::utf16be);
    // FF FE 00 00 starts like UTF-16LE's mark but is UTF-32LE's.
    EXPECT_EQ(byte_order_mark(bytes({0xFF, 0xFE, 0, 0, 'a', 0, 0, 0})), ByteOrderMark::utf32le);
    EXPECT_EQ(byte_order_mark(bytes({0, 0, 0xFE, 0xFF})), ByteOrderMark::utf32be);
    EXPECT_EQ(byte_order_mark("a: b"), ByteOrderMark::none);
    EXPECT_EQ(byte_order_mark(""), ByteOrderMark::none);
    EXPECT_EQ(byte_order_mark("\xFF"), ByteOrderMark::none);
    // Two invalid UTF-8 bytes that happen to look like a UTF-16 mark, with no NUL after them.
    EXPECT_EQ(byte_order_mark("\xFF\xFE.key: value\n"), ByteOrderMark::none);
}

TEST(ByteOrderMark, Utf16BothOrdersDecodeToTheSameText) {
    // "k: é€𝄞\n": one, two, three and four UTF-8 bytes; 𝄞 (U+1D11E) is a surrogate pair.
    const std::string le =
        bytes({0xFF, 0xFE, 'k', 0, ':', 0, ' ', 0, 0xE9, 0, 0xAC, 0x20, 0x34, 0xD8, 0x1E, 0xDD, '\n', 0});
    const std::string be =
        bytes({0xFE, 0xFF, 0, 'k', 0, ':', 0, ' ', 0, 0xE9, 0x20, 0xAC, 0xD8, 0x34, 0xDD, 0x1E, 0, '\n'});
    const std::string expected = "k: \xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\n";
    EXPECT_EQ(decode_marked_text(le, ByteOrderMark::utf16le), expected);
    EXPECT_EQ(decode_marked_text(be, ByteOrderMark::utf16be), expected);
}

TEST(ByteOrderMark, Utf32DecodesAndBadUnitsBecomeReplacementCharacters) {
    const std::string le =
        bytes({0xFF, 0xFE, 0, 0, 'a', 0, 0, 0, 0x1E, 0xD1, 0x01, 0, 0x00, 0x00, 0x11, 0x00});
    EXPECT_EQ(decode_marked_text(le, ByteOrderMark::utf32le),
              "a\xF0\x9D\x84\x9E\xEF\xBF\xBD");  // past U+10FFFF
    const std::string be = bytes({0, 0, 0xFE, 0xFF, 0, 0, 0, 'b', 0, 0});
    EXPECT_EQ(decode_marked_text(be, ByteOrderMark::utf32be), "b\xEF\xBF\xBD");  // a truncated last unit
    // A lone surrogate and an odd last byte in UTF-16.
    EXPECT_EQ(decode_marked_text(bytes({0xFF, 0xFE, 0x00, 0xD8, 'x', 0, 'y'}), ByteOrderMark::utf16le),
              "\xEF\xBF\xBDx\xEF\xBF\xBD");
}

}  // namespace
}  // namespace flinklint
