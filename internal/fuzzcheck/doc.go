// Package fuzzcheck runs ndislint's passes in process on one Go file
// type-checked against the runtime (ndis, wdm, ndistest and a few standard
// packages, loaded once from export data), for the fuzz target
// FuzzPasses, and holds the hostile-input test of the ndislint command
// (TestHostile). README.md says what is checked and what was measured.
package fuzzcheck
