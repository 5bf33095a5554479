"""Where work runs: a function mapped over tasks, in this process, in worker processes
(``local``) or on a Dask cluster (``dask``); ``choose`` says which for a stage, and ``shared``
reads on a cluster's worker the files a task names instead of carrying them."""
