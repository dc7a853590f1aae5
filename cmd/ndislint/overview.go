package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ndislint/ndislint/rules"

	"golang.org/x/tools/go/analysis"
)

// overview prints what "ndislint help" says before the flags: the usage,
// ndislint's passes each with its rules, and the -vet flag.
func overview(w io.Writer, progname string, analyzers []*analysis.Analyzer, withVet bool) {
	fmt.Fprintf(w, `%[1]s checks Go-modelled Windows NDIS drivers (CoNDIS clients and call
managers, NDIS 6 miniport, filter and protocol drivers, written against the ndis
and wdm packages) for the NDIS contract.

Usage:
	%[1]s [-flag] [package...]                        exit 0 clean, 1 error, 3 findings
	go vet -vettool=$(which %[1]s) [-vet] [package...]
	%[1]s help [PASS|RULE...]

Passes and their rules ('%[1]s help RULE' explains one):

`, progname)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	own := passes()
	listed := map[string]bool{}
	for _, a := range own {
		fmt.Fprintf(tw, "  %s\t%s\n", a.Name, title(a.Doc))
		listRules(tw, a.Name, listed)
	}
	fmt.Fprintf(tw, "  (%s)\tsuppression bookkeeping, each pass for its own rules\n", rules.EveryPass)
	listRules(tw, rules.EveryPass, listed)
	for _, r := range rules.AllRules() {
		if !listed[r.ID] {
			fmt.Fprintf(tw, "      %s\t%s (pass %s)\n", r.ID, r.Title, r.Pass)
		}
	}
	tw.Flush()
	fmt.Fprintf(w, `
docs/sdv.md maps every SDV NDIS rule to the rules above. Every finding
ends with its rule ID in parentheses, which is also the diagnostic's
category (the "category" field of -json output). Suppress one finding
with //ndislint:ignore RULE reason, on its line or the line above.

`)
	vetNote(w, progname, withVet)
	fmt.Fprintln(w, strings.Repeat("-", 72))
}

// listRules prints the rules of pass, one a line, and marks them listed.
func listRules(tw io.Writer, pass string, listed map[string]bool) {
	ids := rules.RuleIDs(pass)
	if len(ids) == 0 {
		fmt.Fprintf(tw, "      (no rules registered)\n")
	}
	for _, id := range ids {
		r := rules.LookupRule(id)
		fmt.Fprintf(tw, "      %s\t%s%s\n", id, r.Title, sdvNote(r))
		listed[id] = true
	}
}

// vetNote says whether the go vet suite runs and how to get it.
func vetNote(w io.Writer, progname string, withVet bool) {
	var names []string
	for _, a := range vetSuite() {
		names = append(names, a.Name)
	}
	if withVet {
		fmt.Fprintln(w, wrap("With -vet, the go vet suite runs as well: "+strings.Join(names, ", ")+".", 76))
		return
	}
	fmt.Fprintf(w, "A vet tool replaces go vet's own analyzers; -vet adds them back\n('%s -vet help' lists them with the others).\n", progname)
}

// title is the first paragraph of an analyzer's Doc.
func title(doc string) string {
	return strings.TrimSpace(strings.SplitN(doc, "\n\n", 2)[0])
}

// wrap breaks text into lines of at most width bytes, at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		switch {
		case i == 0:
		case n+1+len(word) > width:
			b.WriteString("\n")
			n = 0
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// sdvNote names the SDV rules r replaces, the first three and how many
// more ("; replaces SDV SpinLock, SpinLockDpr"), or "" for none.
func sdvNote(r *rules.Rule) string {
	switch n := len(r.SDV); {
	case n == 0:
		return ""
	case n > 3:
		return fmt.Sprintf("; replaces SDV %s and %d more", strings.Join(r.SDV[:3], ", "), n-3)
	default:
		return "; replaces SDV " + strings.Join(r.SDV, ", ")
	}
}
