package roles

import (
	"go/ast"
	"strings"

	"github.com/ndislint/ndislint/analyzers/internal/directive"
	"github.com/ndislint/ndislint/analyzers/internal/rolebind"
	"github.com/ndislint/ndislint/rules"
)

// checkDirectives reports //ndis:role directives that say nothing the pass
// can use: an unknown role, more than one word, or a directive outside a
// function's doc comment. Their shape (a space after //, no argument) is
// the directives pass's business.
func (c *checker) checkDirectives() {
	for _, f := range c.pass.Files {
		ds := c.front.Directives[f]
		docs := funcDocs(f)
		for _, d := range ds {
			if d.Key() != "ndis:role" {
				continue
			}
			c.checkDirective(d, docs)
		}
	}
}

// checkDirective checks one //ndis:role directive.
func (c *checker) checkDirective(d directive.Directive, docs []*ast.CommentGroup) {
	fields := d.Fields()
	switch {
	case len(fields) != 1:
		c.rep.Reportf(rules.RuleRoleDirective, d.Pos, d.End, nil,
			"//ndis:role takes one role name (PROTOCOL_CL_CLOSE_CALL_COMPLETE or ProtocolClCloseCallComplete), not %q", d.Args)
	case rolebind.Lookup(c.api.Cat, fields[0]) == nil:
		msg := "//ndis:role names unknown role " + fields[0]
		if near := c.nearestRole(fields[0]); near != "" {
			msg += "; did you mean " + near + "?"
		} else {
			msg += "; the roles are the callback typedefs of ndis.h (PROTOCOL_CL_CLOSE_CALL_COMPLETE)"
		}
		c.rep.Reportf(rules.RuleRoleDirective, d.Pos, d.End, nil, "%s", msg)
	case !inAny(d, docs):
		c.rep.Reportf(rules.RuleRoleDirective, d.Pos, d.End, nil,
			"//ndis:role %s is not in the doc comment of a function declaration, so it declares nothing", fields[0])
	}
}

// funcDocs returns the doc comments of the file's function declarations.
func funcDocs(f *ast.File) []*ast.CommentGroup {
	var out []*ast.CommentGroup
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			out = append(out, fd.Doc)
		}
	}
	return out
}

func inAny(d directive.Directive, docs []*ast.CommentGroup) bool {
	for _, g := range docs {
		if d.Pos >= g.Pos() && d.End <= g.End() {
			return true
		}
	}
	return false
}

// nearestRule returns the role name (in the spelling used) closest to name:
// case-insensitively equal, or at most two edits away and unique there.
func (c *checker) nearestRole(name string) string {
	best, bestD, tie := "", 3, false
	for _, r := range c.api.Cat.Roles {
		for _, cand := range []string{r.Name, r.GoName} {
			if strings.EqualFold(cand, name) {
				return cand
			}
			d := editDistance(name, cand)
			switch {
			case d < bestD:
				best, bestD, tie = cand, d, false
			case d == bestD && cand != best:
				tie = true
			}
		}
	}
	if tie {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
