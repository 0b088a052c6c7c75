# HOSTILE: imports a module that does not exist (case 20).
# base: stub
# expect: score == 0
# status: error
# message: ModuleNotFoundError
import definitely_not_a_module_dlkit  # noqa: F401
