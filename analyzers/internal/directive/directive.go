// Package directive parses ndislint's directive comments with go/ast's
// directive parser:
//
//	//ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE   the function's role (SAL's _Function_class_)
//	//ndis:irql max=DISPATCH_LEVEL               the function's IRQL contract
//	//ndis:pageable                              the function is pageable (PAGED_CODE)
//	//ndislint:ignore RULE[,RULE...] reason       suppress a diagnostic on this line or the next
//
// Shape errors (an unknown directive name, a missing argument) are returned
// as Malformed values; each pass that reads directives decides which it
// reports, so that one malformed directive is reported once.
package directive

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"
)

// The tools whose directives ndislint owns.
const (
	ToolNdis     = "ndis"
	ToolNdislint = "ndislint"
)

// Directive is one parsed ndislint directive.
type Directive struct {
	// Tool is "ndis" or "ndislint"; Name is role, irql, pageable or ignore.
	Tool, Name string
	// Args is the text after the name, trimmed.
	Args string
	// Pos and End delimit the comment; ArgsPos is where Args begins.
	Pos, End, ArgsPos token.Pos
}

// Key returns "tool:name".
func (d Directive) Key() string { return d.Tool + ":" + d.Name }

// Fields splits Args on white space.
func (d Directive) Fields() []string { return strings.Fields(d.Args) }

// Malformed is a directive comment ndislint cannot read.
type Malformed struct {
	Pos, End token.Pos
	// Msg says what is wrong, in go vet style.
	Msg string
	// Spaced is true for a comment that is not a directive for Go ("//
	// ndis:role X") but surely meant to be one.
	Spaced bool
}

// known lists the directives and whether each needs arguments.
var known = map[string]bool{
	"ndis:role":       true,
	"ndis:irql":       true,
	"ndis:pageable":   false,
	"ndislint:ignore": true,
}

// Parse returns the ndislint directives of file, in source order, and the
// ones that are malformed.
func Parse(file *ast.File) ([]Directive, []Malformed) {
	var ds []Directive
	var bad []Malformed
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			d, m, ok := parseComment(c)
			if !ok {
				continue
			}
			if m != nil {
				bad = append(bad, *m)
				continue
			}
			ds = append(ds, d)
		}
	}
	return ds, bad
}

// parseComment reads one comment. ok is false for comments that are not
// ndislint directives at all.
func parseComment(c *ast.Comment) (Directive, *Malformed, bool) {
	text := c.Text
	if looksLikeSpacedDirective(text) {
		return Directive{}, &Malformed{Pos: c.Pos(), End: c.End(),
			Msg: "malformed directive: no space is allowed between // and " + strings.TrimSpace(strings.TrimPrefix(text, "//")), Spaced: true}, true
	}
	pd, ok := ast.ParseDirective(c.Slash, text)
	if !ok || (pd.Tool != ToolNdis && pd.Tool != ToolNdislint) {
		return Directive{}, nil, false
	}
	d := Directive{Tool: pd.Tool, Name: pd.Name, Args: pd.Args, Pos: c.Pos(), End: c.End(), ArgsPos: pd.ArgsPos}
	needsArgs, isKnown := known[d.Key()]
	switch {
	case !isKnown:
		return d, &Malformed{Pos: c.Pos(), End: c.End(), Msg: "unknown directive //" + d.Key()}, true
	case needsArgs && d.Args == "":
		return d, &Malformed{Pos: c.Pos(), End: c.End(), Msg: "malformed directive //" + d.Key() + ": missing argument"}, true
	case !needsArgs && d.Args != "":
		return d, &Malformed{Pos: c.Pos(), End: c.End(), Msg: "malformed directive //" + d.Key() + ": takes no argument"}, true
	case d.Key() == KeyIgnore:
		if _, _, problem := ParseIgnore(d); problem != "" {
			return d, &Malformed{Pos: c.Pos(), End: c.End(), Msg: "malformed directive //" + d.Key() + ": " + problem}, true
		}
	}
	return d, nil, true
}

// looksLikeSpacedDirective catches "// ndis:role X", which Go does not treat
// as a directive and a user surely meant as one.
func looksLikeSpacedDirective(text string) bool {
	rest, ok := strings.CutPrefix(text, "// ")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	for key := range known {
		if strings.HasPrefix(rest, key+" ") || rest == key {
			return true
		}
	}
	return false
}

// ForFunc returns the directives of ds (a file's, in source order, as
// Parse returns them) in the doc comment of decl, found by binary search:
// a file's declarations cost O(log n) each, not O(n).
func ForFunc(ds []Directive, decl *ast.FuncDecl) []Directive {
	if decl.Doc == nil {
		return nil
	}
	lo := sort.Search(len(ds), func(i int) bool { return ds[i].Pos >= decl.Doc.Pos() })
	hi := lo
	for hi < len(ds) && ds[hi].End <= decl.Doc.End() {
		hi++
	}
	return ds[lo:hi]
}
