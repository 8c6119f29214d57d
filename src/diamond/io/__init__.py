"""Files in and out: bounded reads of regular files, atomic writes, the input guard, locking.

Every command reads and writes through this package, so that one set of rules
holds everywhere: only regular files are read, and never past the byte cap; no
command writes over one of its inputs; a file is replaced whole or not at all.
"""
