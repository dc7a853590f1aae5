// Package modelcheck holds only tests: they parse the Go sources of the
// runtime packages ndis and wdm (go/parser, no type checking) and check them
// against the rule catalogue. Every catalogue role must be declared in
// package ndis as a func type with the catalogue's parameters (Go names and
// printed Go types, in order) and result; every catalogue DDI must be
// declared in its package as a function with those parameters and result
// and a doc comment that names the NDIS original, its IRQL (the page's text
// or the resolved level) and its reference page. Package wdm must declare an
// Irql constant for every named level of rules.Levels, with the table's
// value, and no other.
package modelcheck
