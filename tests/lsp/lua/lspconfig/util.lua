-- nvim-lspconfig's `util.root_pattern`, as its README describes it: the nearest directory at or
-- above the file that holds one of the names.
local M = {}

function M.root_pattern(...)
  local names = { ... }
  return function(file)
    local dir = vim.fn.fnamemodify(file, ':p:h')
    while true do
      for _, name in ipairs(names) do
        if vim.loop.fs_stat(dir .. '/' .. name) then return dir end
      end
      local parent = vim.fn.fnamemodify(dir, ':h')
      if parent == dir then return nil end
      dir = parent
    end
  end
end

return M
