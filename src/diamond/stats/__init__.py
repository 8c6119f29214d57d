"""Survey statistics on numeric arrays: one module per job, no knowledge of questionnaires.

``effective_n`` (Kish), ``distributions`` (Student t), ``difference`` (paired, Welch,
bootstrap differences), ``agreement`` (r_wg(j), r*_wg(j), a_wg, AD_M),
``reliability`` (Cronbach's α and item statistics), ``icc`` (Shrout & Fleiss;
Bliese's ICC(1)/ICC(2)), ``sensitivity`` (Sobol indices), ``bootstrap``
(replicate counts and interval summaries), ``composite`` (the scoring pipeline on
arrays, vectorised over replicates). The formulas and their references
are in docs/method.md. numpy is imported by the modules that need it, never
here, so importing the package stays cheap.
"""
