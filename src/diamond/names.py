"""Names shared by the CLI and the core, in a module that imports nothing (fast start-up)."""

DEFAULT_FRAMEWORK = "stm-2015"
BUILTIN_FRAMEWORKS = {"stm-2015": "stm-2015.yaml"}
