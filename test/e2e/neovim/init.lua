-- nvim --headless -u init.lua plans/growth-strategy.md
-- Attaches stratlint-ls over stdio to the buffer, records the diagnostics and code actions it
-- gets, applies the "Customer outcomes" quick fix and waits for its error to go away.
-- Debian's Neovim is 0.7: vim.lsp.start_client + buf_attach_client (vim.lsp.start is 0.8+).
-- Writes one JSON object per line to $STRATLINT_NVIM_OUT.
local out = assert(io.open(os.getenv("STRATLINT_NVIM_OUT"), "w"))
local function record(t) out:write(vim.fn.json_encode(t) .. "\n"); out:flush() end
local function finish(code) out:close(); vim.cmd(code == 0 and "qa!" or "cq!") end

vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local bufnr = vim.api.nvim_get_current_buf()
  local v = vim.version()
  record({ kind = "nvim", version = v.major .. "." .. v.minor .. "." .. v.patch })
  local client_id = vim.lsp.start_client({
    name = "stratlint",
    cmd = { "node", os.getenv("STRATLINT_LS"), "--stdio" },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code) record({ kind = "exit", code = code }) end,
  })
  vim.lsp.buf_attach_client(bufnr, client_id)

  local fixed = false
  vim.api.nvim_create_autocmd("DiagnosticChanged", { buffer = bufnr, callback = function()
    local diagnostics = vim.diagnostic.get(bufnr)
    local has_outcomes = false
    for _, d in ipairs(diagnostics) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      -- the error; a "not filled in" warning may stay once the template is in
      if code == "customer-outcomes" and d.severity == vim.diagnostic.severity.ERROR then has_outcomes = true end
    end
    if fixed then
      if not has_outcomes then record({ kind = "fixed", count = #diagnostics }); finish(0) end
      return
    end
    if #diagnostics == 0 then return end
    for _, d in ipairs(diagnostics) do
      record({ kind = "diagnostic", line = d.lnum, col = d.col, end_col = d.end_col, source = d.source, message = d.message,
               code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
    end
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr),
                     range = { start = { line = 0, character = 10 }, ["end"] = { line = 0, character = 10 } },
                     context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, 0) } }
    local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 5000)
    local fix
    for _, r in pairs(responses or {}) do
      for _, a in ipairs(r.result or {}) do
        record({ kind = "action", title = a.title, action_kind = a.kind })
        if a.title == 'Insert a "Customer outcomes" section' then fix = a end
      end
    end
    if not fix then finish(1) return end
    fixed = true
    vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
  end })
  vim.defer_fn(function() record({ kind = "timeout" }); finish(1) end, 30000)
end })
