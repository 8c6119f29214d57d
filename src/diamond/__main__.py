"""Allow ``python -m diamond``."""

from diamond.cli import main

if __name__ == "__main__":
    main()
