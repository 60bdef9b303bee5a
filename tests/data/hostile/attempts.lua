-- What a hostile theme's Lua may try under LuaLaTeX (tests/writers/pdf/test_tex_sandbox.py):
-- {secret} is a file outside every TeX folder, {folder} the folder holding it.
local secret, here = "{secret}", "{folder}"
local function try(name, f)
  local ok, value = pcall(f)
  tex.sprint(-2, name .. ":" .. tostring(value) .. " ")
end
try("open", function() local h = io.open(secret); return h and h:read("*a") end)
try("lines", function() for l in io.lines(secret) do return l end end)
try("input", function() io.input(secret); return io.read("*a") end)
try("dofile", function() return dofile(secret) end)
try("env", function() return os.getenv("CVGEN_TEST_TOKEN") end)
try("dir", function()
  local names = {}
  for name in lfs.dir(here) do table.insert(names, name) end
  return table.concat(names, ",")
end)
try("write", function()
  local h = io.open(here .. "/written.txt", "w"); h:write("x"); h:close(); return "wrote"
end)
try("remove", function() return os.remove(here .. "/victim.txt") end)
try("rename", function() return os.rename(here .. "/victim.txt", here .. "/moved.txt") end)
try("mkdir", function() return lfs.mkdir(here .. "/made") end)
try("popen", function() local p = io.popen("cat " .. secret); return p and p:read("*a") end)
try("execute", function() return os.execute("touch " .. here .. "/ran") end)
try("socket", function() return require("socket") end)
tex.sprint(-2, "MARKER-OK")
