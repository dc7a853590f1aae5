package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ndislint/ndislint/analyzers/checks"
)

// TextOptions configures WriteText.
type TextOptions struct {
	// BaseDir, when set, makes file names relative to it (those under
	// it; others stay as they are).
	BaseDir string
}

// WriteText writes res's findings as go vet does, one per line in the
// Result's order,
//
//	file:line:col: message (rule)
//
// each followed by its related positions, indented by a tab, and, for a
// suppressed finding, the directive that suppressed it:
//
//	\tfile:line:col: message
//	\tfile:line:col: suppressed by //ndislint:ignore: justification
//
// The passes end every message with " (RULE)"; a message that does not is
// given that suffix here, so that every line names its rule. Errors and the
// summary are not written: a driver prints errors on stderr, one line each,
// as they are.
func WriteText(w io.Writer, res *Result, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	for _, f := range sorted(res) {
		fmt.Fprintf(bw, "%s: %s\n", opts.pos(f.Pos), withRule(f.Message, f.Rule))
		for _, r := range f.Related {
			fmt.Fprintf(bw, "\t%s: %s\n", opts.pos(r.Pos), r.Message)
		}
		if s := f.Suppressed; s != nil {
			fmt.Fprintf(bw, "\t%s: %s%s\n", opts.pos(s.Pos), checks.IgnoredMarker, s.Justification)
		}
	}
	return bw.Flush()
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
