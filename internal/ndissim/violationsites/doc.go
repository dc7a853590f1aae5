// Package violationsites finds the places where the run-time verifier
// reports a violation (its violation sites) in the runtime's sources, and
// tells which of them a coverage profile shows reached.
//
// A violation is raised by (*kernel.State).Report. A site is a call of
// Report, or of a reporter: a function whose body is one call of a
// reporter (kernel's BadHandle and BadParameter, ndissim's world.report),
// made anywhere but in a reporter's own body. Each site has a rule ID when
// the rule argument is a constant (or the reporter fixes it), and
// "dynamic" when the rule is computed at run time (a lifetime's rule from
// the catalogue).
//
// The package's test runs the runtime's own tests (ndis, wdm,
// internal/kernel, internal/ndissim, ndistest) with a coverage profile in
// a subprocess and fails naming any site no test reaches, and any constant
// rule ID the rules package does not declare. A site counts as reached
// when a coverage block that spans the call ran. The examples' tests are
// not part of that run: a site is reached by the runtime's own tests or it
// fails the check. The coverage run is skipped with -short; it runs the
// runtime's tests with -vet=off, but for the one that only analyses sources,, and is stopped (failing the
// test with the end of its output) if it has not finished within 110 s or
// before the test binary's own -timeout.
package violationsites
