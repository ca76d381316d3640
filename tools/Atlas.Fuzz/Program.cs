using Atlas.Fuzz;

// Long fuzz campaigns: see docs/testing.md. Exit code 0 when no bug was found, 1 otherwise, 2 on bad arguments.
return Campaign.Execute(args);
