package rules_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

// This file checks the committed catalogue against the reference pages with
// its own small parser, independent of the generator's.

// refDir returns <module root>/../shared/ddi, skipping the test when the
// reference is absent (and only then).
func refDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = filepath.Dir(dir)
	}
	ref := filepath.Join(dir, "..", "shared", "ddi")
	if _, err := os.Stat(ref); os.IsNotExist(err) {
		t.Skipf("the NDIS reference %s is absent: the catalogue cannot be checked against the pages", ref)
	}
	return ref
}

// refPage is what this test reads from a page.
type refPage struct {
	apiName string
	irql    string
	params  []refParam
	fields  []string
	text    string
}

// refParam is one "### -param" heading.
type refParam struct {
	name     string
	dir      string // "in", "out", "in,out" or ""
	optional bool
}

var testParamRe = regexp.MustCompile(`^### -param (\S+)(.*)$`)

// readRefPage reads the few things the test compares.
func readRefPage(t *testing.T, path string) *refPage {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	p := &refPage{text: strings.ReplaceAll(string(b), "\r", "")}
	sc := bufio.NewScanner(strings.NewReader(p.text))
	sc.Buffer(nil, 1<<22)
	wantAPI := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case wantAPI:
			p.apiName = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
			wantAPI = false
		case strings.HasPrefix(line, "api_name:"):
			wantAPI = true
		case strings.HasPrefix(line, "req.irql:"):
			p.irql = strings.TrimSpace(strings.TrimPrefix(line, "req.irql:"))
		case strings.HasPrefix(line, "### -field "):
			p.fields = append(p.fields, strings.TrimSpace(strings.TrimPrefix(line, "### -field ")))
		}
		if m := testParamRe.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			p.params = append(p.params, refParamOf(m[1], m[2]))
		}
	}
	return p
}

// refParamOf reads "[in, optional]" and the like.
func refParamOf(name, attrs string) refParam {
	rp := refParam{name: name}
	attrs = strings.ToLower(strings.Trim(strings.TrimSpace(attrs), "[]"))
	in := strings.Contains(attrs, "in")
	out := strings.Contains(attrs, "out")
	rp.optional = strings.Contains(attrs, "optional")
	switch {
	case in && out:
		rp.dir = "in,out"
	case in:
		rp.dir = "in"
	case out:
		rp.dir = "out"
	}
	return rp
}

// refIrql is this test's reading of a req.irql text that needs no hand
// resolution; ok is false for the others.
func refIrql(text string, role bool) (kind, level string, ok bool) {
	s := strings.ToUpper(strings.ReplaceAll(text, " ", ""))
	s = strings.TrimPrefix(s, "IRQL")
	switch s {
	case "<=DISPATCH_LEVEL":
		return "max", "DISPATCH_LEVEL", true
	case "<=APC_LEVEL", "<DISPATCH_LEVEL":
		return "max", "APC_LEVEL", true
	case "DISPATCH_LEVEL", "=DISPATCH_LEVEL":
		return "exact", "DISPATCH_LEVEL", true
	case "PASSIVE_LEVEL", "=PASSIVE_LEVEL":
		if role {
			return "exact", "PASSIVE_LEVEL", true
		}
		return "max", "PASSIVE_LEVEL", true
	case "ANYLEVEL":
		return "any", "", true
	}
	return "", "", false
}

// checkIrql compares an entry's IRQL with its page.
func checkIrql(t *testing.T, entry string, q rules.Irql, page string, role bool) {
	t.Helper()
	if q.Page != page {
		t.Errorf("%s: irql.page %q, the page says %q", entry, q.Page, page)
	}
	if q.Reason != "" {
		return // resolved by hand: the raw text and the reason are what can be checked
	}
	kind, level, ok := refIrql(page, role)
	if !ok {
		t.Errorf("%s: the page's IRQL %q needs a hand resolution, but the entry has no reason", entry, page)
		return
	}
	if string(q.Kind) != kind || q.Level != level {
		t.Errorf("%s: irql %s %s, the page %q reads %s %s", entry, q.Kind, q.Level, page, kind, level)
	}
}

// renderRe matches the markup checkWhen drops: emphasis, HTML tags, the
// URL part of Markdown links, escaped underscores and white space.
var renderRe = regexp.MustCompile(`\*+|</?[a-zA-Z][^>]*>|\]\([^)]*\)|\[|\\|\s+`)

// rendered is text with its markup dropped and no white space at all, so a
// quote and the page compare however either is wrapped or marked up.
func rendered(text string) string {
	text = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(text)
	return renderRe.ReplaceAllString(text, "")
}

// checkWhen checks a DDI's value-dependent bounds against its page: every
// quote is the page's, the quotes name the parameter the condition is on
// (and the earlier DDI, for Of) and the bound's level.
func checkWhen(t *testing.T, d *rules.DDI, p *refPage) {
	t.Helper()
	page := rendered(p.text)
	for _, w := range d.Irql.When {
		all := strings.Join(w.Quotes, " ")
		for _, q := range w.Quotes {
			if !strings.Contains(page, rendered(q)) {
				t.Errorf("%s: when %s: the page has no sentence %q", d.Name, w.Param, q)
			}
		}
		names := []string{w.Param, w.Level}
		if w.Of != nil {
			names = []string{w.Of.DDI, w.Of.Param, w.Level}
		}
		for _, n := range names {
			if !strings.Contains(all, n) {
				t.Errorf("%s: when %s: its quotes never name %s", d.Name, w.Param, n)
			}
		}
	}
}

// checkParams compares an entry's parameters with its page's headings.
func checkParams(t *testing.T, entry string, params []rules.Param, page []refParam) {
	t.Helper()
	if len(params) != len(page) {
		t.Errorf("%s: %d params, the page has %d", entry, len(params), len(page))
		return
	}
	for i, p := range params {
		rp := page[i]
		switch {
		case p.Name != rp.name:
			t.Errorf("%s: param %d is %s, the page's is %s", entry, i, p.Name, rp.name)
		case rp.dir != "" && string(p.Dir) != rp.dir:
			t.Errorf("%s: param %s is %s, the page says %s", entry, p.Name, p.Dir, rp.dir)
		case rp.dir == "" && p.Note == "":
			t.Errorf("%s: param %s: the page gives no direction and the entry no note", entry, p.Name)
		case p.Optional != rp.optional:
			t.Errorf("%s: param %s optional=%v, the page says %v", entry, p.Name, p.Optional, rp.optional)
		}
	}
}

// inPageOrder returns params in the order of the page's headings (for a
// role whose entry keeps ndis.h's order, with its reason); names the page
// does not have go last, where checkParams reports them.
func inPageOrder(params []rules.Param, page []refParam) []rules.Param {
	var out []rules.Param
	used := map[int]bool{}
	for _, rp := range page {
		for i, p := range params {
			if !used[i] && p.Name == rp.name {
				used[i] = true
				out = append(out, p)
				break
			}
		}
	}
	for i, p := range params {
		if !used[i] {
			out = append(out, p)
		}
	}
	return out
}

// pagePath is the page file of an entry: the directory is the header
// the page's ID names (nf-wdm-kesetevent in wdm/, nf-nblapi-... in nblapi/).
func pagePath(ref, pkg, page string) string {
	if f := strings.SplitN(page, "-", 3); len(f) == 3 {
		return filepath.Join(ref, f[1], page+".md")
	}
	return filepath.Join(ref, pkg, page+".md")
}

// TestCatalogueMatchesPages checks every entry against its page.
func TestCatalogueMatchesPages(t *testing.T) {
	ref := refDir(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := refAPINames(t, ref)
	sdv := sdvPages(t, ref)
	for _, d := range c.DDIs {
		if d.Synthesized != "" {
			for _, problem := range synthesizedDDIProblems(&d, ref, docs, sdv) {
				t.Errorf("%s: %s", d.Name, problem)
			}
			continue
		}
		p := readRefPage(t, pagePath(ref, d.Package, d.Page))
		if p.apiName != d.Name {
			t.Errorf("%s: page %s documents %s", d.Name, d.Page, p.apiName)
		}
		checkIrql(t, d.Name, d.Irql, p.irql, false)
		checkParams(t, d.Name, d.Params, p.params)
		checkWhen(t, &d, p)
	}
	for _, r := range c.Roles {
		p := readRefPage(t, pagePath(ref, "ndis", r.Page))
		if r.Synthesized != "" {
			checkSynthesized(t, r, p)
			continue
		}
		if p.apiName != r.Name {
			t.Errorf("%s: page %s documents %s", r.Name, r.Page, p.apiName)
		}
		if !strings.Contains(p.text, r.Callback) {
			t.Errorf("%s: page %s never names the callback %s", r.Name, r.Page, r.Callback)
		}
		checkIrql(t, r.Name, r.Irql, p.irql, true)
		params := r.Params
		if r.ParamOrderReason != "" {
			params = inPageOrder(r.Params, p.params)
		}
		checkParams(t, r.Name, params, p.params)
	}
	for _, s := range c.Structs {
		p := readRefPage(t, pagePath(ref, "ndis", s.Page))
		checkSlots(t, s, p)
	}
}

// checkSynthesized checks a role documented inside another page: the page
// names the role's typedef and lists its parameters as #### headings.
func checkSynthesized(t *testing.T, r rules.Role, p *refPage) {
	t.Helper()
	if !strings.Contains(p.text, r.Name) {
		t.Errorf("%s: page %s never names it", r.Name, r.Page)
	}
	at := 0
	for _, prm := range r.Params {
		i := strings.Index(p.text[at:], "#### "+prm.Name+"\n")
		if i < 0 {
			t.Errorf("%s: page %s has no #### %s heading after the previous parameter", r.Name, r.Page, prm.Name)
			return
		}
		at += i + 1
	}
}

// checkSlots checks that every slot is a field of the page, in page order.
func checkSlots(t *testing.T, s rules.HandlerStruct, p *refPage) {
	t.Helper()
	at := 0
	for _, sl := range s.Slots {
		found := false
		for i := at; i < len(p.fields); i++ {
			if p.fields[i] == sl.Field {
				at, found = i+1, true
				break
			}
		}
		if !found {
			t.Errorf("%s: slot %s is not a field of %s (in page order)", s.Name, sl.Field, s.Page)
		}
		if !strings.Contains(p.text, "nc-ndis-"+strings.ToLower(sl.Role)) && !strings.Contains(p.text, "nf-ndis-"+strings.ToLower(sl.Role)) {
			t.Errorf("%s: slot %s takes %s, which the page never links", s.Name, sl.Field, sl.Role)
		}
	}
}

// extraPages are the pages in scope beyond the prefix families.
var extraPages = []string{
	"nf-ndis-ndisregisterprotocoldriver", "nf-ndis-ndisderegisterprotocoldriver", "nf-ndis-ndissetoptionalhandlers",
	"nf-ndis-ndisopenadapterex", "nf-ndis-ndiscloseadapterex", "nf-ndis-ndiscompletebindadapterex",
	"nf-ndis-ndiscompleteunbindadapterex",
	"nc-ndis-protocol_bind_adapter_ex", "nc-ndis-protocol_unbind_adapter_ex", "nc-ndis-protocol_open_adapter_complete_ex",
	"nc-ndis-protocol_close_adapter_complete_ex", "nc-ndis-protocol_net_pnp_event", "nc-ndis-protocol_uninstall",
	"nc-ndis-protocol_status_ex", "nc-ndis-protocol_oid_request_complete", "nc-ndis-protocol_receive_net_buffer_lists",
	"nc-ndis-protocol_send_net_buffer_lists_complete", "nc-ndis-protocol_direct_oid_request_complete", "nc-ndis-set_options",
	"nc-ndis-ndis_timer_function",
	"nf-ndis-ndisallocatespinlock", "nf-ndis-ndisacquirespinlock", "nf-ndis-ndisreleasespinlock",
	"nf-ndis-ndisdpracquirespinlock", "nf-ndis-ndisdprreleasespinlock", "nf-ndis-ndisfreespinlock",
	"nf-ndis-ndis_raise_irql_to_dispatch", "nf-ndis-ndis_lower_irql",
	"nf-ndis-ndisallocatememorywithtagpriority", "nf-ndis-ndisfreememory", "nf-ndis-ndisstallexecution",
	"nf-ndis-ndisallocateioworkitem", "nf-ndis-ndisqueueioworkitem", "nf-ndis-ndisfreeioworkitem",
	"nf-ndis-ndisallocatetimerobject", "nf-ndis-ndissettimerobject", "nf-ndis-ndiscanceltimerobject", "nf-ndis-ndisfreetimerobject",
	"nf-ndis-ndisinitializeevent", "nf-ndis-ndissetevent", "nf-ndis-ndisresetevent", "nf-ndis-ndiswaitevent",
	"ns-ndis-_ndis_protocol_driver_characteristics", "ns-ndis-_ndis_protocol_co_characteristics",
	"ns-ndis-_ndis_co_client_optional_handlers", "ns-ndis-_ndis_co_call_manager_optional_handlers",
	"ns-ndis-_ndis_miniport_co_characteristics",
	// NDIS 6 miniport, filter and protocol drivers (issue 13): the pages
	// the model has so far beyond the prefixes.
	"nf-ndis-ndisfregisterfilterdriver", "nf-ndis-ndisfderegisterfilterdriver", "nf-ndis-ndisfsetattributes",
	"nf-ndis-ndisfpausecomplete", "nf-ndis-ndisfrestartcomplete", "nf-ndis-ndisfsendnetbufferlists",
	"nf-ndis-ndisfsendnetbufferlistscomplete", "nf-ndis-ndisfindicatereceivenetbufferlists", "nf-ndis-ndisfreturnnetbufferlists",
	"nf-ndis-ndisfoidrequest", "nf-ndis-ndisfoidrequestcomplete", "nf-ndis-ndisfindicatestatus",
	"nf-ndis-ndissendnetbufferlists", "nf-ndis-ndisreturnnetbufferlists", "nf-ndis-ndisoidrequest",
	"nf-nblapi-ndisallocatenetbufferlistpool", "nf-nblapi-ndisfreenetbufferlistpool", "nf-nblapi-ndisallocatenetbufferandnetbufferlist",
	"nf-nblapi-ndisfreenetbufferlist",
	"nf-ndis-ndisfdirectoidrequest", "nf-ndis-ndisfdirectoidrequestcomplete",
	"nf-ndis-miniport_synchronous_oid_request", "nf-ndis-filter_synchronous_oid_request", "nf-ndis-filter_synchronous_oid_request_complete",
	"ns-ndis-_ndis_miniport_driver_characteristics", "ns-ndis-_ndis_filter_driver_characteristics",
	"nc-nblapi-net_buffer_allocate_mdl", "nc-nblapi-net_buffer_free_mdl",
	"nc-ndis-if_query_object", "nc-ndis-if_set_object",
	"nf-ndis-ndisallocatecloneoidrequest", "nf-ndis-ndiscancelsendnetbufferlists", "nf-ndis-ndiscanceloidrequest",
	"nf-ndis-ndisdirectoidrequest", "nf-ndis-ndiscanceldirectoidrequest", "nf-ndis-ndisunbindadapter", "nf-ndis-ndissynchronousoidrequest",
	// Every miniport role and NdisM* DDI is in by prefix; the structures
	// that register the Plug and Play and selective suspend roles.
	"ns-ndis-_ndis_miniport_pnp_characteristics", "ns-ndis-_ndis_miniport_ss_characteristics",
	// The other DDIs of SDV's Irql_Miscellaneous_Function rule.
	"nf-ndis-ndisallocatefromnpagedlookasidelist", "nf-ndis-ndisfreetonpagedlookasidelist",
	"nf-ndis-ndisinitializenpagedlookasidelist", "nf-ndis-ndisdeletenpagedlookasidelist",
	"nf-ndis-ndisansistringtounicodestring", "nf-ndis-ndisunicodestringtoansistring", "nf-ndis-ndisupcaseunicodestring",
	"nf-ndis-ndisequalstring", "nf-ndis-ndisequalunicodestring", "nf-ndis-ndisequalmemory", "nf-ndis-ndisfreestring",
	"nf-ndis-ndisinitansistring", "nf-ndis-ndisinitunicodestring", "nf-ndis-ndisinitializestring",
	"nf-ndis-ndisinitializelisthead", "nf-ndis-ndisinitializeslisthead", "nf-ndis-ndisquerydepthslist",
	"nf-ndis-ndisopenfile", "nf-ndis-ndisclosefile", "nf-ndis-ndismapfile", "nf-ndis-ndisunmapfile",
	"nf-ndis-ndisregisterdeviceex", "nf-ndis-ndisderegisterdeviceex", "nf-ndis-ndisgeneratepartialcancelid",
	"nf-ndis-ndisgetcurrentprocessorcounts", "nf-ndis-ndisgetroutineaddress", "nf-ndis-ndisgetshareddataalignment",
	"nf-ndis-ndisgetversion", "nf-ndis-ndissystemprocessorcount", "nf-ndis-ndisopenconfigurationkeybyindex",
	"nf-ndis-ndisopenconfigurationkeybyname", "nf-ndis-ndisreadconfiguration", "nf-ndis-ndiswriteconfiguration",
	"nf-ndis-ndisreadnetworkaddress", "nf-ndis-ndisqueryadapterinstancename", "nf-ndis-ndiswriteeventlogentry",
	// The read-write lock and mutex DDIs of SDV's Irql_Synch_Function rule,
	// with the NDIS 6.20 read-write locks that supersede NdisXxxReadWriteLock.
	"nf-ndis-ndisinitializereadwritelock", "nf-ndis-ndisacquirereadwritelock", "nf-ndis-ndisreleasereadwritelock",
	"nf-ndis-ndisdpracquirereadwritelock", "nf-ndis-ndisdprreleasereadwritelock", "nf-ndis-ndisallocaterwlock",
	"nf-ndis-ndisfreerwlock", "nf-ndis-ndisacquirerwlockread", "nf-ndis-ndisacquirerwlockwrite", "nf-ndis-ndisreleaserwlock",
	"nf-ndis-ndis_init_mutex", "nf-ndis-ndis_wait_for_mutex", "nf-ndis-ndis_release_mutex",
	// NdisEnumerateFilterModules, of SDV's Irql_Filter_Driver_Function rule.
	"nf-ndis-ndisenumeratefiltermodules",
}

// familyPrefixes select the pages that must all have entries: CoNDIS,
// the NdisM* DDIs, the filter DDIs and roles, the miniport roles, and the
// NET_BUFFER API (nf-nblapi-, checked in nblapi/), the network interface
// DDIs (NdisIf*) and the intermediate driver DDIs (NdisIM*).
var familyPrefixes = []string{
	"nf-ndis-ndiscl", "nf-ndis-ndiscm", "nf-ndis-ndisco", "nf-ndis-ndism",
	"nf-ndis-ndisf", "nf-nblapi-", "nf-ndis-ndisif", "nf-ndis-ndisim",
	"nc-ndis-protocol_cl_", "nc-ndis-protocol_cm_", "nc-ndis-protocol_co_", "nc-ndis-miniport_",
	"nc-ndis-filter_",
}

// TestEveryPageInScopeHasAnEntry fails when a page of the families in scope
// (minus the listed exclusions), a wdm page or a named extra has no entry.
func TestEveryPageInScopeHasAnEntry(t *testing.T) {
	ref := refDir(t)
	c, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, d := range c.DDIs {
		if d.Synthesized == "" {
			covered[d.Page] = true
		}
	}
	for _, r := range c.Roles {
		if r.Synthesized == "" {
			covered[r.Page] = true
		}
	}
	for _, s := range c.Structs {
		covered[s.Page] = true
	}
	excluded := map[string]bool{}
	for _, e := range c.Exclusions {
		if e.Reason == "" {
			t.Errorf("exclusion %s has no reason", e.Page)
		}
		excluded[e.Page] = e.CoveredAs == ""
	}
	if c.Role("NDIS_IO_WORKITEM_FUNCTION") == nil {
		t.Error("NDIS_IO_WORKITEM_FUNCTION (documented on nf-ndis-ndisqueueioworkitem) has no entry")
	}
	for _, id := range extraPages {
		if !covered[id] {
			t.Errorf("%s: named in scope, but no entry", id)
		}
	}
	check := func(dir string, inScope func(string) bool) {
		ents, err := os.ReadDir(filepath.Join(ref, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			id := strings.TrimSuffix(e.Name(), ".md")
			if inScope(id) && !covered[id] && !excluded[id] {
				t.Errorf("%s/%s: in scope, but no entry and no exclusion", dir, id)
			}
		}
	}
	inFamily := func(id string) bool {
		for _, p := range familyPrefixes {
			if strings.HasPrefix(id, p) {
				return true
			}
		}
		return false
	}
	check("ndis", inFamily)
	check("nblapi", inFamily)
	check("wdm", func(string) bool { return true })
}
