package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ndislint/ndislint/analyzers/checks"
)

// TextOptions configures WriteText.
type TextOptions struct {
	// BaseDir, when set, makes file names relative to it (those under
	// it; others stay as they are).
	BaseDir string
	// Source prints the source lines of each position, numbered, with
	// Context lines around them (go vet's -c=Context).
	Source  bool
	Context int
	// ReadFile reads a source file for Context (nil: os.ReadFile).
	ReadFile func(string) ([]byte, error)
}

// WriteText writes res's findings as go vet prints diagnostics (x/tools'
// plain format), one per line in the Result's order,
//
//	file:line:col: message (rule)
//
// each followed by its related positions, the message after a tab, and,
// for a suppressed finding, the directive that suppressed it:
//
//	file:line:col: \tmessage
//	file:line:col: \tsuppressed by //ndislint:ignore: justification
//
// With Source each line is followed by the source lines around its
// position. The passes end every message with " (RULE)"; a message that
// does not is given that suffix here, so that every line names its rule.
// Errors and the summary are not written: a driver prints errors on
// stderr, one line each, as they are.
func WriteText(w io.Writer, res *Result, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	src := newSources(opts.ReadFile)
	line := func(p Position, msg string) {
		fmt.Fprintf(bw, "%s: %s\n", opts.pos(p), msg)
		if opts.Source {
			src.context(bw, p, opts.Context)
		}
	}
	for _, f := range sorted(res) {
		line(f.Pos, withRule(f.Message, f.Rule))
		for _, r := range f.Related {
			line(r.Pos, "\t"+r.Message)
		}
		if s := f.Suppressed; s != nil {
			line(s.Pos, "\t"+checks.IgnoredMarker+s.Justification)
		}
	}
	return bw.Flush()
}

// sources reads source files once, for WriteText's context lines.
type sources struct {
	read  func(string) ([]byte, error)
	lines map[string][]string
}

// newSources returns a reader using read (nil: os.ReadFile).
func newSources(read func(string) ([]byte, error)) *sources {
	if read == nil {
		read = os.ReadFile
	}
	return &sources{read: read, lines: map[string][]string{}}
}

// context writes the lines from p's line minus n to its end line plus n,
// numbered, as go vet's -c does.
func (s *sources) context(w io.Writer, p Position, n int) {
	lines, ok := s.lines[p.File]
	if !ok {
		if data, err := s.read(p.File); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		s.lines[p.File] = lines
	}
	end := max(p.EndLine, p.Line)
	for i := max(p.Line-n, 1); i <= end+n && i <= len(lines); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// withRule returns msg ending with " (rule)".
func withRule(msg, rule string) string {
	if rule == "" || strings.HasSuffix(msg, "("+rule+")") {
		return msg
	}
	return msg + " (" + rule + ")"
}

// pos formats p as file:line:col, the file relative to BaseDir when under
// it; "-" for no position.
func (o TextOptions) pos(p Position) string {
	if p.File == "" {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", relPath(o.BaseDir, p.File), p.Line, p.Col)
}

// relPath returns file relative to base when file is under base, else
// file.
func relPath(base, file string) string {
	if base == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(base, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}
