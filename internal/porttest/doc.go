// Package porttest holds the test that a CoNDIS client written by the naming
// rule of DESIGN.md, in a separate module that requires this one, compiles
// against the runtime unchanged.
package porttest
