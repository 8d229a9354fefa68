-- nvim-lspconfig's registry of servers: a server assigned here with a `default_config` gets a
-- `setup(config)` that, as nvim-lspconfig does, starts the server for each buffer of one of its
-- `filetypes` in `root_dir(file)` (the file's directory when that finds none and the config has
-- `single_file_support`), one client per root, and attaches the buffer to it.
return setmetatable({}, {
  __newindex = function(configs, name, server)
    server.setup = function(user)
      local config = vim.tbl_extend('force', server.default_config, user or {})
      local clients = {}
      vim.api.nvim_create_autocmd('FileType', {
        pattern = config.filetypes,
        callback = function(args)
          local file = vim.api.nvim_buf_get_name(args.buf)
          local root = config.root_dir(file, args.buf)
          if not root and config.single_file_support then root = vim.fn.fnamemodify(file, ':p:h') end
          if not root then return end
          local id = clients[root]
          if not (id and vim.lsp.get_client_by_id(id)) then
            id = vim.lsp.start_client({ name = name, cmd = config.cmd, root_dir = root })
            clients[root] = id
          end
          if id then vim.lsp.buf_attach_client(args.buf, id) end
        end,
      })
    end
    rawset(configs, name, server)
  end,
})
