package directive

import (
	"go/token"
	"strings"
)

// KeyIgnore is the key of the suppression directive,
// //ndislint:ignore RULE[,RULE...] reason.
const KeyIgnore = ToolNdislint + ":ignore"

// IgnoreRule is one rule ID in the rule list of an //ndislint:ignore
// directive, and where it is written.
type IgnoreRule struct {
	ID       string
	Pos, End token.Pos
}

// ParseIgnore reads the arguments of an //ndislint:ignore directive: its
// first word is a comma-separated list of rule IDs, the rest of the text
// is the reason (possibly empty, possibly with commas). problem is not ""
// when the rule list is malformed (it names no rule, or one of its
// elements is empty: a leading, trailing or doubled comma); it then says
// what is wrong, and the directive must suppress nothing. Parse reports
// such a directive as Malformed.
func ParseIgnore(d Directive) (ids []IgnoreRule, reason, problem string) {
	args := d.Args
	start := len(args) - len(strings.TrimLeft(args, " \t"))
	n := strings.IndexAny(args[start:], " \t")
	if n < 0 {
		n = len(args) - start
	}
	list := args[start : start+n]
	reason = strings.TrimSpace(args[start+n:])
	if list == "" {
		return nil, reason, "names no rule: write //ndislint:ignore RULE[,RULE...] reason"
	}
	parts := strings.Split(list, ",")
	off := start
	for i, part := range parts {
		if part == "" {
			return nil, reason, emptyRuleProblem(list, parts, i)
		}
		p := d.ArgsPos + token.Pos(off)
		ids = append(ids, IgnoreRule{ID: part, Pos: p, End: p + token.Pos(len(part))})
		off += len(part) + 1
	}
	return ids, reason, ""
}

// emptyRuleProblem says what is wrong with the rule list list, whose
// element parts[i] is the first empty one.
func emptyRuleProblem(list string, parts []string, i int) string {
	q := `rule list "` + list + `"`
	switch {
	case strings.Trim(list, ",") == "":
		return q + " names no rule: write //ndislint:ignore RULE[,RULE...] reason"
	case i == 0:
		return q + " starts with a comma"
	case i == len(parts)-1:
		return q + " ends with a comma (separate rule IDs with commas and no spaces)"
	default:
		return q + " has an empty rule ID between two commas"
	}
}
