"""Help texts that click and typer write themselves, marked for our catalogue.

The help of the options they add (``-h``/``--help``, ``--install-completion``,
``--show-completion``) is shown through ``helpformat``, which translates every help
text with our catalogue; these lines put those texts into it. Never imported.
"""

from diamond.i18n import N_

MESSAGES = (
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)
