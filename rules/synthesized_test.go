package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// This file checks the DDIs the catalogue synthesizes from the overlay
// because the reference has no page for them (DDI.Synthesized): the
// reference must indeed document no such DDI, and the SDV pages of the
// reference the entry lists must name it. Their Go signatures are checked
// like every DDI's, by the exports test.

// refAPINames returns the api_name of every page of the reference, by
// name, with the page's path.
func refAPINames(t *testing.T, ref string) map[string]string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(ref, "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range pages {
		if api := readRefPage(t, p).apiName; api != "" {
			out[api] = p
		}
	}
	return out
}

// sdvPages returns the text of every page under <ref>/../sdv by its
// api_name (the SDV rule's name); none when the SDV reference is absent.
func sdvPages(t *testing.T, ref string) map[string]string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(filepath.Dir(ref), "sdv", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range pages {
		rp := readRefPage(t, p)
		if rp.apiName != "" {
			out[rp.apiName] = rp.text
		}
	}
	return out
}

// synthesizedDDIProblems says what is wrong with a synthesized DDI entry:
// a page of the reference documents it (it must be catalogued from that
// page), its page is in the reference after all, it lists no SDV rule, an
// SDV rule it lists has no page in the reference or a page that never
// names the DDI, or its reason does not cite its page and SDV rules.
func synthesizedDDIProblems(d *rules.DDI, ref string, docs, sdv map[string]string) []string {
	var out []string
	if p, ok := docs[d.Name]; ok {
		out = append(out, "synthesized, but "+p+" documents it: catalogue it from its page")
	}
	if _, err := os.Stat(pagePath(ref, d.Package, d.Page)); err == nil {
		out = append(out, "synthesized, but its page "+d.Page+" is in the reference")
	}
	if len(d.SDV) == 0 {
		out = append(out, "synthesized with no SDV rule: the reference names it nowhere")
	}
	for _, rule := range d.SDV {
		text, ok := sdv[rule]
		switch {
		case !ok:
			out = append(out, "SDV rule "+rule+" has no page in the reference")
		case !strings.Contains(text, d.Name):
			out = append(out, "the SDV page of "+rule+" never names it")
		}
		if !strings.Contains(d.Synthesized, rule) {
			out = append(out, "the reason does not cite SDV rule "+rule)
		}
	}
	if !strings.Contains(d.Synthesized, d.Page) {
		out = append(out, "the reason does not cite its page "+d.Page)
	}
	return out
}

// TestSynthesizedDDIProblemsSeesEachKind shows the check rejects a
// synthesized entry for a DDI the reference documents, an SDV rule that
// does not name the DDI, and a reason that cites neither page nor rule,
// and accepts the catalogue's own synthesized entries.
func TestSynthesizedDDIProblemsSeesEachKind(t *testing.T) {
	ref := refDir(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs, sdv := refAPINames(t, ref), sdvPages(t, ref)
	n := 0
	for i := range c.DDIs {
		if d := &c.DDIs[i]; d.Synthesized != "" {
			n++
			if got := synthesizedDDIProblems(d, ref, docs, sdv); len(got) != 0 {
				t.Errorf("%s: %q", d.Name, got)
			}
		}
	}
	if n == 0 {
		t.Fatal("the catalogue synthesizes no DDI")
	}
	paged := *c.DDI("NdisFreeNetBufferList")
	paged.Synthesized = "cites " + paged.Page + " and Irql_NetBuffer_Function"
	paged.SDV = []string{"Irql_NetBuffer_Function"}
	if got := synthesizedDDIProblems(&paged, ref, docs, sdv); len(got) != 2 {
		t.Errorf("a synthesized entry for a DDI with a page: problems %q, want its page found twice", got)
	}
	wrong := *c.DDI("NdisAllocateMdl")
	wrong.SDV = []string{"NdisAllocateGenericObject"}
	wrong.Synthesized = "no citation"
	if got := synthesizedDDIProblems(&wrong, ref, docs, sdv); len(got) != 3 {
		t.Errorf("an SDV rule that does not name it and an uncited reason: problems %q, want 3", got)
	}
}
