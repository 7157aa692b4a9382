(load triage.clp)
(load-facts cases.fct)
(run)
(exit)
