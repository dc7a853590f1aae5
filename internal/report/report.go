// Package report is ndislint's result model, independent of go/analysis
// drivers: the findings of one run with their related positions, fixes
// and suppressions, the errors, and the per-rule summary (SDV's result
// classes: defect, pass, not applicable). The command fills it in; its
// writers print it as text, JSON or SARIF 2.1.0.
//
// The API, for a driver:
//
//   - FromDiagnostic turns each analysis.Diagnostic into a Finding (a
//     related position carrying checks.IgnoredMarker becomes the
//     finding's Suppressed); the driver appends findings, errors (one line
//     each, "file:line:col: msg" when there is a position) and the
//     Summary to a Result.
//   - WriteText (go vet's lines), WriteJSON (Result's JSON shape) and
//     WriteSARIF (SARIF 2.1.0) print it. Each sorts the findings (file,
//     line, column, rule, message) without changing the Result, so the
//     same Result always gives the same bytes.
//   - RulesMarkdown is docs/rules.md, the page SARIF's helpUri points
//     into; go generate ./internal/report rewrites it.
//
// WriteSARIF writes one run: tool.driver with one rules[] entry per rule of
// rules.AllRules() (ruleIndex indexes it), a result per finding (level
// "warning"; locations; relatedLocations with ids 1..n, linked from the
// message as GitHub shows nothing else of them; a codeFlow whose one
// threadFlow is the related positions in order, then the finding; fixes;
// suppressions, [] or the inSource //ndislint:ignore with its
// justification; partialFingerprints["ndislintFinding/v1"], a hash of rule,
// file and message), invocations[0] (executionSuccessful is false when the
// Result has errors, each error a toolExecutionNotification at level
// "error", located when it starts with a position) and
// run.properties.summary (rule -> "defect N" / "pass" / "not applicable
// (reason)", package -> roles). Columns: go/token counts bytes, SARIF
// characters; the run says columnKind "unicodeCodePoints" and columns,
// charOffset and charLength are converted by reading the source files
// (a file that cannot be read keeps byte values, exact for ASCII).
package report

// Position is a place in a source file. Lines and columns count from 1;
// columns are in bytes, as go/token's. Offset and EndOffset are byte
// offsets. End fields are zero when the position is a point.
type Position struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Col       int    `json:"col"`
	EndLine   int    `json:"endLine,omitempty"`
	EndCol    int    `json:"endCol,omitempty"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset,omitempty"`
}

// Related is a position on the finding's path (where the handle came
// from, where it died, where the callback was registered).
type Related struct {
	Pos     Position `json:"pos"`
	Message string   `json:"message"`
}

// Edit replaces the bytes of Pos (Offset to EndOffset; equal for an
// insertion) with NewText.
type Edit struct {
	Pos     Position `json:"pos"`
	NewText string   `json:"newText"`
}

// Fix is a suggested fix: edits that belong together.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Suppression is the //ndislint:ignore that suppressed a finding.
type Suppression struct {
	Pos           Position `json:"pos"`
	Justification string   `json:"justification"`
}

// Finding is one diagnostic.
type Finding struct {
	// Rule is the stable rule ID (the diagnostic's Category).
	Rule string `json:"rule"`
	// Pass is the analyzer that reported it.
	Pass string `json:"pass"`
	// Package is the package's ID as the go command names it.
	Package string   `json:"package"`
	Pos     Position `json:"pos"`
	// Message ends with " (RULE)", as every driver prints it.
	Message string    `json:"message"`
	Related []Related `json:"related,omitempty"`
	Fixes   []Fix     `json:"fixes,omitempty"`
	// Suppressed is set for a finding an //ndislint:ignore suppressed
	// (reported only with -show-ignored).
	Suppressed *Suppression `json:"suppressed,omitempty"`
}

// Status is a rule's result class for a run, SDV's three.
type Status string

// The result classes.
const (
	StatusDefect        Status = "defect"
	StatusPass          Status = "pass"
	StatusNotApplicable Status = "not applicable"
)

// RuleResult is one rule's outcome over the run.
type RuleResult struct {
	Rule   string `json:"rule"`
	Status Status `json:"status"`
	// Defects counts the unsuppressed findings.
	Defects int `json:"defects,omitempty"`
	// Reason says why a rule did not apply ("no ProtocolClCloseCallComplete
	// found").
	Reason string `json:"reason,omitempty"`
}

// PackageRoles lists the callback roles found in one analysed package.
type PackageRoles struct {
	Package string   `json:"package"`
	Roles   []string `json:"roles"`
}

// Summary is the per-rule outcome and the roles found per package.
type Summary struct {
	Rules    []RuleResult   `json:"rules"`
	Packages []PackageRoles `json:"packages"`
}

// Result is everything one run found, in a fixed order: findings by file,
// line, column, rule and message; errors as they were met, one line each.
type Result struct {
	Findings []Finding `json:"findings"`
	Errors   []string  `json:"errors,omitempty"`
	Summary  *Summary  `json:"summary,omitempty"`
}

// Tool describes the ndislint build that produced a Result.
type Tool struct {
	Name    string // "ndislint"
	Version string // module version, or "(devel)"
	Commit  string // VCS revision, when known
	// InfoURI is the project's home; rule help URIs are made from it.
	InfoURI string
}
