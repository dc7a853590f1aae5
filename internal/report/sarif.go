package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/ndislint/ndislint/rules"
)

// SARIF constants.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRootID is the uriBaseId of the paths under SARIFOptions.SrcRoot
	// (the name GitHub code scanning and staticcheck use).
	srcRootID = "%SRCROOT%"
	// fingerprintKey names the partial fingerprint WriteSARIF sets.
	fingerprintKey = "ndislintFinding/v1"
	// defaultInfoURI is the project's home when Tool.InfoURI is empty.
	defaultInfoURI = "https://github.com/ndislint/ndislint"
)

// SARIFOptions configures WriteSARIF.
type SARIFOptions struct {
	// SrcRoot, when set, is the directory (absolute) files are relative
	// to: an artifact under it is written as a relative URI with uriBaseId
	// "%SRCROOT%", and run.originalUriBaseIds gives its file:// URI. Other
	// files, and every file when SrcRoot is empty, get absolute file://
	// URIs.
	SrcRoot string
	// ReadFile reads a source file, to turn byte columns and offsets into
	// code points (nil: os.ReadFile).
	ReadFile func(string) ([]byte, error)
}

// WriteSARIF writes res as a SARIF 2.1.0 log of one run, indented by two
// spaces and ended by a newline. See the package documentation for what
// goes where.
func WriteSARIF(w io.Writer, res *Result, tool Tool, opts SARIFOptions) error {
	s := &sarifWriter{opts: opts, cols: newColumns(opts.ReadFile), ruleIndex: map[string]int{}}
	run := sarifRun{
		Tool:        sarifTool{Driver: s.driver(tool)},
		Invocations: []sarifInvocation{s.invocation(res.Errors)},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
		Properties:  sarifProperties(res.Summary),
	}
	if opts.SrcRoot != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRootID: {URI: dirURI(opts.SrcRoot)}}
	}
	for _, f := range sorted(res) {
		run.Results = append(run.Results, s.result(f))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifWriter holds what one WriteSARIF needs across results.
type sarifWriter struct {
	opts      SARIFOptions
	cols      *columns
	ruleIndex map[string]int
}

// driver describes ndislint and every rule of the registry.
func (s *sarifWriter) driver(tool Tool) sarifDriver {
	info := strings.TrimSuffix(tool.InfoURI, "/")
	if info == "" {
		info = defaultInfoURI
	}
	d := sarifDriver{Name: tool.Name, Version: numericVersion(tool.Version), InformationURI: info, Rules: []sarifRule{}}
	if d.Name == "" {
		d.Name = "ndislint"
	}
	if semverRE.MatchString(d.Version) {
		d.SemanticVersion = d.Version
	}
	d.Properties = map[string]string{}
	if tool.Version != "" {
		d.Properties["moduleVersion"] = tool.Version
	}
	if tool.Commit != "" {
		d.Properties["commit"] = tool.Commit
	}
	for i, r := range rules.AllRules() {
		s.ruleIndex[r.ID] = i
		d.Rules = append(d.Rules, sarifRuleOf(r, info))
	}
	return d
}

// numericVersion is a module version as SARIF wants a tool's version, a
// string that starts with a number: "v0.3.0" is "0.3.0"; a version that
// has no number, such as "(devel)" or "", is "0.0.0-devel". The module's
// own version is kept in driver.properties.moduleVersion.
func numericVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-devel"
	}
	return v
}

// semverRE matches a Semantic Versioning 2.0.0 version (no leading "v").
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// sarifRuleOf is r's reportingDescriptor.
func sarifRuleOf(r *rules.Rule, info string) sarifRule {
	return sarifRule{
		ID:                   r.ID,
		Name:                 pascal(r.ID),
		ShortDescription:     sarifMessage{Text: sentence(r.Title)},
		FullDescription:      sarifMessage{Text: sentence(firstParagraph(r.Text))},
		Help:                 sarifMessage{Text: r.Explain(), Markdown: ruleBodyMarkdown(r)},
		HelpURI:              info + "/blob/main/docs/rules.md#" + r.ID,
		DefaultConfiguration: sarifRuleConfig{Level: "warning"},
		Properties:           sarifRuleProps{Tags: []string{r.Pass}},
	}
}

// pascal turns a rule ID into a name: "vc-delete-cm-vc" is "VcDeleteCmVc"
// (SARIF wants a name different from the ID).
func pascal(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// firstParagraph returns s up to its first blank line, on one line.
func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// sentence returns s ending with a period (SARIF's descriptions are
// sentences).
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// invocation reports whether the run met no error, and each error as a
// notification, with its location when the error starts with one.
func (s *sarifWriter) invocation(errs []string) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0}
	for _, e := range errs {
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: e}}
		if p, ok := parseErrorPos(e); ok {
			n.Locations = []sarifLocation{s.location(p, nil)}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

// errorPosRE matches an error that starts with "file.go:line:col: " or
// "file.go:line: ".
var errorPosRE = regexp.MustCompile(`^(.+?\.go):(\d+)(?::(\d+))?: `)

// parseErrorPos reads the position an error line starts with.
func parseErrorPos(e string) (Position, bool) {
	m := errorPosRE.FindStringSubmatch(e)
	if m == nil {
		return Position{}, false
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	if col == 0 {
		col = 1
	}
	// Without an offset the column stays in bytes (offset -1 disables
	// the conversion).
	return Position{File: m[1], Line: line, Col: col, Offset: -1}, true
}

// result converts one finding.
func (s *sarifWriter) result(f Finding) sarifResult {
	r := sarifResult{
		RuleID:              f.Rule,
		Level:               "warning",
		Message:             sarifMessage{Text: f.Message},
		Locations:           []sarifLocation{s.location(f.Pos, nil)},
		Suppressions:        []sarifSuppress{},
		PartialFingerprints: map[string]string{fingerprintKey: s.fingerprint(f)},
	}
	if i, ok := s.ruleIndex[f.Rule]; ok {
		r.RuleIndex = &i
	}
	if f.Pass != "" || f.Package != "" {
		r.Properties = map[string]string{"pass": f.Pass, "package": f.Package}
	}
	s.addRelated(&r, f)
	for _, fix := range f.Fixes {
		r.Fixes = append(r.Fixes, s.fix(fix))
	}
	if sup := f.Suppressed; sup != nil {
		loc := s.location(sup.Pos, nil)
		r.Suppressions = []sarifSuppress{{Kind: "inSource", Justification: sup.Justification, Location: &loc}}
	}
	return r
}

// addRelated sets r's related locations (ids from 1, linked from the
// message as GitHub shows only what the message links to) and its code
// flow: the related positions in order, then the finding.
func (s *sarifWriter) addRelated(r *sarifResult, f Finding) {
	if len(f.Related) == 0 {
		return
	}
	var flow []sarifThreadFlowLoc
	for i, rel := range f.Related {
		id := i + 1
		msg := &sarifMessage{Text: rel.Message}
		r.RelatedLocations = append(r.RelatedLocations, s.location(rel.Pos, msg))
		r.RelatedLocations[i].ID = &id
		r.Message.Text += fmt.Sprintf("\n[%s](%d)", escapeLinkText(rel.Message), id)
		flow = append(flow, sarifThreadFlowLoc{Location: s.location(rel.Pos, msg)})
	}
	flow = append(flow, sarifThreadFlowLoc{Location: s.location(f.Pos, &sarifMessage{Text: f.Message})})
	r.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: flow}}}}
}

// escapeLinkText escapes what SARIF's embedded links treat specially.
func escapeLinkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}

// fix converts a fix: one artifact change per file, in the order the
// files first appear.
func (s *sarifWriter) fix(fix Fix) sarifFix {
	sf := sarifFix{Description: sarifMessage{Text: sentence(fix.Message)}}
	at := map[string]int{}
	for _, e := range fix.Edits {
		i, ok := at[e.Pos.File]
		if !ok {
			i = len(sf.ArtifactChanges)
			at[e.Pos.File] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: s.artifact(e.Pos.File)})
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, sarifReplacement{
			DeletedRegion:   s.cols.deleted(e.Pos),
			InsertedContent: sarifArtContent{Text: e.NewText},
		})
	}
	return sf
}

// location is p's physical location, with msg.
func (s *sarifWriter) location(p Position, msg *sarifMessage) sarifLocation {
	return sarifLocation{
		PhysicalLocation: sarifPhysLocation{ArtifactLocation: s.artifact(p.File), Region: s.cols.region(p)},
		Message:          msg,
	}
}

// artifact is file's location: relative to %SRCROOT% when under SrcRoot,
// else an absolute file:// URI.
func (s *sarifWriter) artifact(file string) sarifArtifactLoc {
	if rel := relPath(s.opts.SrcRoot, file); s.opts.SrcRoot != "" && rel != file {
		return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: srcRootID}
	}
	if filepath.IsAbs(file) {
		return sarifArtifactLoc{URI: fileURI(file)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(file)}).EscapedPath()}
}

// fingerprint is a stable hash of the finding's rule, file (as written)
// and message, so that code scanning follows a result across runs that
// move it.
func (s *sarifWriter) fingerprint(f Finding) string {
	sum := sha256.Sum256([]byte(f.Rule + "\x00" + s.artifact(f.Pos.File).URI + "\x00" + f.Message))
	return hex.EncodeToString(sum[:16])
}

// fileURI is an absolute path's file:// URI.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI is a directory's file:// URI, ending with a slash as SARIF
// requires of a base URI.
func dirURI(dir string) string {
	u := fileURI(filepath.Clean(dir))
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// sarifProperties is the run's property bag: the per-rule summary and the
// roles per package.
func sarifProperties(sum *Summary) *sarifRunProperties {
	if sum == nil {
		return nil
	}
	out := &sarifSummary{Rules: map[string]string{}, Packages: map[string][]string{}}
	for _, r := range sum.Rules {
		out.Rules[r.Rule] = r.Describe()
	}
	for _, p := range sum.Packages {
		out.Packages[p.Package] = append([]string{}, p.Roles...)
	}
	return &sarifRunProperties{Summary: out}
}

// Describe is r's outcome in one phrase: "defect N", "pass", or "not
// applicable (reason)".
func (r RuleResult) Describe() string {
	switch r.Status {
	case StatusDefect:
		return fmt.Sprintf("defect %d", r.Defects)
	case StatusNotApplicable:
		if r.Reason != "" {
			return "not applicable (" + r.Reason + ")"
		}
	}
	return string(r.Status)
}
