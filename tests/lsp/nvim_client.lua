-- Drives `flinklint lsp` with Neovim's built-in LSP client (0.7 and later) in headless mode: runs a
-- set-up from docs/editors.md (FLINKLINT_INIT, a Lua file: the test copies it out of the page, so the
-- documented text is what runs), opens a file as YAML, waits for the diagnostics Neovim stores for
-- the buffer, asks for a hover, and writes what the client got as JSON for
-- tests/unit/cli/nvim_client_test.cpp to check. `flinklint` must be on PATH, as the set-up says.
--   PATH=build:$PATH FLINKLINT_INIT=init.lua FLINKLINT_FILE=file FLINKLINT_OUT=result.json \
--     FLINKLINT_HOVER=line:character nvim --headless --clean -u NONE -c 'luafile tests/lsp/nvim_client.lua'
-- Exits 0 when it wrote the result, 1 (with the reason on stderr) otherwise.
local function fail(why)
  io.stderr:write('nvim_client.lua: ' .. why .. '\n')
  vim.cmd('cquit 1')
end

local function run()
  local init, file, out = os.getenv('FLINKLINT_INIT'), os.getenv('FLINKLINT_FILE'), os.getenv('FLINKLINT_OUT')
  local hover_line, hover_character = (os.getenv('FLINKLINT_HOVER') or ''):match('^(%d+):(%d+)$')
  if not (init and file and out and hover_line) then
    return fail('set FLINKLINT_INIT, FLINKLINT_FILE, FLINKLINT_OUT and FLINKLINT_HOVER=line:character')
  end

  dofile(init)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buffer = vim.api.nvim_get_current_buf()
  -- What filetype detection does, when it is off (once: the set-ups start a client on FileType).
  if vim.bo[buffer].filetype ~= 'yaml' then vim.bo[buffer].filetype = 'yaml' end
  -- Generous bounds: they only keep a broken server from hanging the test (sanitizer builds are slow).
  -- A client is listed for the buffer once it has initialized.
  local client = nil
  vim.wait(30000, function()
    for _, attached in pairs(vim.lsp.buf_get_clients(buffer)) do
      if attached.name == 'flinklint' then client = attached end
    end
    return client ~= nil
  end, 20)
  if not client then return fail('the set-up attached no client named flinklint to the YAML buffer') end
  local client_id = client.id
  local exited = function() return client.is_stopped() end

  if not vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 or exited() end, 20) then
    return fail('no diagnostics within 30 s')
  end
  if exited() then return fail('the server exited') end

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(diagnostics, {
      code = d.code, source = d.source, message = d.message,
      severity = vim.diagnostic.severity[d.severity],
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = tonumber(hover_line), character = tonumber(hover_character) },
  }
  local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/hover', params, 30000)
  local response = responses and responses[client_id]
  if not (response and response.result) then
    return fail('no hover: ' .. vim.inspect(responses))
  end
  -- The lines Neovim puts in its hover window.
  local hover_lines = vim.lsp.util.trim_empty_lines(
    vim.lsp.util.convert_input_to_markdown_lines(response.result.contents))

  local result = vim.fn.json_encode({
    diagnostics = diagnostics,
    hover = { kind = response.result.contents.kind, lines = hover_lines },
  })
  local handle = io.open(out, 'w')
  if not handle then return fail('cannot write ' .. out) end
  handle:write(result)
  handle:close()

  vim.lsp.stop_client(client_id)
  vim.wait(5000, exited, 20)
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then fail(tostring(err)) end
