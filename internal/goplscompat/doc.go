// Package goplscompat holds the tests that ndislint's passes run inside
// gopls (DESIGN.md, "Where the passes must run"): editor diagnostics come
// from a gopls built with the passes added (editors/buildgopls,
// docs/editors.md), and that build keeps gopls's x/tools.
//
// TestPassesBuildWithGoplsTools builds every pass against gopls's pinned
// x/tools. TestGoplsCheck (skipped with -short) builds the gopls through
// editors/buildgopls and checks that `gopls check` on the example drivers
// shows the findings, with their related positions, that `ndislint -json`
// reports. Passes reads the list of passes from analyzers/suite/suite.go for
// both buildgopls and internal/nogocheck.
package goplscompat
