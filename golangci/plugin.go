// Package golangci is ndislint as a golangci-lint v2 module plugin.
//
// Importing it registers the plugin "ndislint" with golangci-lint's
// registration API (github.com/golangci/plugin-module-register). A custom
// golangci-lint built by `golangci-lint custom` from a .custom-gcl.yml that
// names this package runs ndislint's six passes (directives, roles, irql,
// vclifetime, completion, typestate) as the linter "ndislint", configured
// under linters.settings.custom.ndislint.settings:
//
//	checks: "all,-role-undeclared"   # staticcheck's -checks syntax, as the command's -checks
//	show-ignored: false              # as the command's -show-ignored
//
// checks may also be a list of terms (["all", "-role-undeclared"]), as
// golangci-lint's staticcheck settings are written.
//
// golangci-lint turns each related position of a diagnostic into an issue of
// its own (and moves the ones in another file onto the finding's position),
// so the plugin folds them into the finding's message instead:
//
//	MESSAGE [related: FILE:LINE:COL: TEXT; ...] (RULE)
//
// and golangci-lint prints one issue per finding. FILE is relative to the
// directory of the finding's file. The message still ends with the rule ID
// in parentheses. See README.md beside this file.
package golangci

import (
	"encoding/json"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/ndislint/ndislint/analyzers/checks"
	"github.com/ndislint/ndislint/analyzers/suite"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name golangci-lint prints.
const Name = "ndislint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings (linters.settings.custom.ndislint.settings).
type Settings struct {
	// Checks selects the rules, in staticcheck's -checks syntax: a string
	// ("all,-role-undeclared") or a list of terms. Empty: every rule.
	Checks Checks `json:"checks"`
	// ShowIgnored also reports findings an //ndislint:ignore suppressed,
	// each with a related position at the directive.
	ShowIgnored bool `json:"show-ignored"`
}

// Checks is a -checks value written as a string or as a list of terms.
type Checks string

// UnmarshalJSON accepts "a,b" and ["a", "b"].
func (c *Checks) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*c = Checks(s)
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("checks: want a string (\"all,-role-undeclared\") or a list of strings, got %s", b)
	}
	*c = Checks(strings.Join(list, ","))
	return nil
}

// Plugin is the ndislint linter plugin.
type Plugin struct {
	settings Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New is the plugin's constructor, called by golangci-lint with the raw
// settings. It applies the rule selection process-wide (package checks), so
// a bad checks value is an error here, before anything runs.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("ndislint settings: %w (known settings: checks, show-ignored)", err)
	}
	if err := checks.Set(string(s.Checks)); err != nil {
		return nil, fmt.Errorf("ndislint settings: checks %q: %w", string(s.Checks), err)
	}
	checks.SetShowIgnored(s.ShowIgnored)
	return &Plugin{settings: s}, nil
}

// Passes returns ndislint's own analyzers, as cmd/ndislint runs them.
func Passes() []*analysis.Analyzer { return suite.Passes() }

// BuildAnalyzers returns the passes, each wrapped by FoldRelated.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var out []*analysis.Analyzer
	for _, a := range Passes() {
		out = append(out, FoldRelated(a))
	}
	return out, nil
}

// GetLoadMode is types-info: the passes need type information and facts.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// FoldRelated returns a copy of a whose diagnostics carry their related
// positions in the message (see Fold) and none in Related. The copy keeps
// a's name, requirements and fact types; none of ndislint's passes requires
// another pass, so the copies replace the originals one for one.
func FoldRelated(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	run := a.Run
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		report := pass.Report
		p.Report = func(d analysis.Diagnostic) {
			report(Fold(pass.Fset.Position, d))
		}
		return run(&p)
	}
	return &c
}

// Fold moves d's related positions into its message:
//
//	MESSAGE [related: FILE:LINE:COL: TEXT; ...] (RULE)
//
// where " (RULE)" is the rule ID the message ends with (d.Category); FILE
// is the related file's path relative to the directory of d's file (its
// base name when they are in one directory). A d without related positions
// is returned as it is.
func Fold(position func(token.Pos) token.Position, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	msg, suffix := d.Message, ""
	if d.Category != "" {
		if m, ok := strings.CutSuffix(msg, " ("+d.Category+")"); ok {
			msg, suffix = m, " ("+d.Category+")"
		}
	}
	at := position(d.Pos)
	var parts []string
	for _, r := range d.Related {
		rp := position(r.Pos)
		where := "?"
		if rp.IsValid() {
			where = fmt.Sprintf("%s:%d:%d", relFile(at.Filename, rp.Filename), rp.Line, rp.Column)
		}
		parts = append(parts, where+": "+r.Message)
	}
	d.Message = msg + " [related: " + strings.Join(parts, "; ") + "]" + suffix
	d.Related = nil
	return d
}

// relFile names file relative to the directory of from.
func relFile(from, file string) string {
	if from == "" {
		return file
	}
	if rel, err := filepath.Rel(filepath.Dir(from), file); err == nil {
		return filepath.ToSlash(rel)
	}
	return file
}
