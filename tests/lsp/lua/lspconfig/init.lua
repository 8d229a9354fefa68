-- A stand-in of nvim-lspconfig (not packaged by Debian, not on npm) for the documented snippet of
-- docs/editors.md: `require("lspconfig").util` and `require("lspconfig").<name>.setup()` for a server
-- registered in `require("lspconfig.configs")`, nothing more (tests/unit/cli/nvim_client_test.cpp).
return setmetatable({ util = require('lspconfig.util') }, {
  __index = function(_, name) return require('lspconfig.configs')[name] end,
})
