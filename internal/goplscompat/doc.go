// Package goplscompat holds the test that every ndislint pass builds against
// the x/tools that gopls pins (DESIGN.md, "Where the passes must run"): editor
// diagnostics come from a gopls built with the passes added, and that build
// keeps gopls's x/tools.
package goplscompat
