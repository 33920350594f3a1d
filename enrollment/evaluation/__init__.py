"""The evaluation harness: score pairs, accuracy (EER, FNMR at FMR, DET) and speed benchmarks.

Public surface: :mod:`.metrics` (error rates), :mod:`.protocol` (datasets and the all-pairs protocol),
:mod:`.engines` (the engines under test by name), :mod:`.scoring` (prepare each image once, score pairs),
:mod:`.accuracy` and :mod:`.speed` (the two benchmarks behind ``zuil bench``), :mod:`.synthetic_realism`
(synthetic prints against real ones, figure by figure, with :mod:`.print_statistics`). Constants: :mod:`.parameters`.
"""
