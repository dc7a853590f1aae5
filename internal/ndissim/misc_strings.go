package ndissim

import (
	"sort"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The string and list DDIs. NDIS_STRING is a Go string (Unicode); an
// ANSI_STRING holds bytes of the system's ANSI code page, which the
// simulation takes as ISO 8859-1: byte b is code point b, and a code point
// above 0xFF converts to '?' (RtlUnicodeStringToAnsiString's default
// character). The model's strings carry no capacity, so a conversion never
// overflows its destination.

// miscState holds the objects of the general-purpose DDIs.
type miscState struct {
	// strings counts the strings NdisInitializeString allocated and
	// NdisFreeString has not freed, by value (a Go string has no address).
	strings map[string]int
	// slists are the S-List heads NdisInitializeSListHead initialized.
	slists map[*ndis.SlistHeader]bool
	// cancelID is the last partial cancel ID NdisGeneratePartialCancelId
	// handed out.
	cancelID uint8
	eventLog []EventLogEntry
	files    map[string][]byte
	open     map[*resourceHandle]*openFile
	devices  map[*resourceHandle]bool
	config   *ConfigKey
	keys     map[*resourceHandle]*openKey
}

// initMisc makes the maps of w.misc.
func (w *world) initMisc() *miscState {
	m := &w.misc
	if m.strings == nil {
		m.strings = map[string]int{}
		m.slists = map[*ndis.SlistHeader]bool{}
		m.open = map[*resourceHandle]*openFile{}
		m.devices = map[*resourceHandle]bool{}
		m.keys = map[*resourceHandle]*openKey{}
	}
	return m
}

// latin1ToUnicode converts ANSI bytes to a Unicode string.
func latin1ToUnicode(b string) string {
	r := make([]rune, len(b))
	for i := 0; i < len(b); i++ {
		r[i] = rune(b[i])
	}
	return string(r)
}

// unicodeToLatin1 converts a Unicode string to ANSI bytes.
func unicodeToLatin1(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0xFF {
			r = '?'
		}
		b.WriteByte(byte(r))
	}
	return b.String()
}

// AnsiStringToUnicodeString runs NdisAnsiStringToUnicodeString in the
// simulated NDIS.
func (w *world) AnsiStringToUnicodeString(us *ndis.String, as *ndis.AnsiString) ndis.Status {
	const ddi = "NdisAnsiStringToUnicodeString"
	defer w.st.EnterDDI(ddi, args("_us", "_as"))()
	if !w.needPtr(ddi, "_us", us == nil) || !w.needPtr(ddi, "_as", as == nil) {
		return ndis.StatusInvalidParameter
	}
	*us = latin1ToUnicode(string(*as))
	return ndis.StatusSuccess
}

// UnicodeStringToAnsiString runs NdisUnicodeStringToAnsiString in the
// simulated NDIS.
func (w *world) UnicodeStringToAnsiString(as *ndis.AnsiString, us *ndis.String) ndis.Status {
	const ddi = "NdisUnicodeStringToAnsiString"
	defer w.st.EnterDDI(ddi, args("_as", "_us"))()
	if !w.needPtr(ddi, "_as", as == nil) || !w.needPtr(ddi, "_us", us == nil) {
		return ndis.StatusInvalidParameter
	}
	*as = ndis.AnsiString(unicodeToLatin1(*us))
	return ndis.StatusSuccess
}

// UpcaseUnicodeString runs NdisUpcaseUnicodeString in the simulated NDIS.
func (w *world) UpcaseUnicodeString(d *ndis.String, s *ndis.String) ndis.Status {
	const ddi = "NdisUpcaseUnicodeString"
	defer w.st.EnterDDI(ddi, args("_d", "_s"))()
	if !w.needPtr(ddi, "_d", d == nil) || !w.needPtr(ddi, "_s", s == nil) {
		return ndis.StatusInvalidParameter
	}
	*d = strings.ToUpper(*s)
	return ndis.StatusSuccess
}

// equalStrings compares two strings for the NdisEqual*String DDIs: case
// insensitively by upcasing both, as RtlEqualUnicodeString does.
func (w *world) equalStrings(ddi string, a, b *ndis.String, caseInsensitive bool) bool {
	defer w.st.EnterDDI(ddi, args("_String1", "_String2", caseInsensitive))()
	if !w.needPtr(ddi, "_String1", a == nil) || !w.needPtr(ddi, "_String2", b == nil) {
		return false
	}
	if caseInsensitive {
		return strings.ToUpper(*a) == strings.ToUpper(*b)
	}
	return *a == *b
}

// EqualString runs NdisEqualString in the simulated NDIS.
func (w *world) EqualString(string1 *ndis.String, string2 *ndis.String, caseInsensitive bool) bool {
	return w.equalStrings("NdisEqualString", string1, string2, caseInsensitive)
}

// EqualUnicodeString runs NdisEqualUnicodeString in the simulated NDIS.
func (w *world) EqualUnicodeString(string1 *ndis.String, string2 *ndis.String, caseInsensitive bool) bool {
	return w.equalStrings("NdisEqualUnicodeString", string1, string2, caseInsensitive)
}

// EqualMemory runs NdisEqualMemory in the simulated NDIS: a block shorter
// than Length would be read past its end.
func (w *world) EqualMemory(source1 []byte, source2 []byte, length uint32) uint32 {
	const ddi = "NdisEqualMemory"
	defer w.st.EnterDDI(ddi, args("Source1", "Source2", length))()
	if uint32(len(source1)) < length || uint32(len(source2)) < length {
		w.report(rules.RuleBadParameter, "%s: Length is %d; Source1 has %d bytes and Source2 %d", ddi, length, len(source1), len(source2))
		return 0
	}
	if string(source1[:length]) == string(source2[:length]) {
		return 1
	}
	return 0
}

// InitAnsiString runs NdisInitAnsiString in the simulated NDIS.
func (w *world) InitAnsiString(as *ndis.AnsiString, s string) {
	const ddi = "NdisInitAnsiString"
	defer w.st.EnterDDI(ddi, args("_as", "s"))()
	if w.needPtr(ddi, "_as", as == nil) {
		*as = ndis.AnsiString(s)
	}
}

// InitUnicodeString runs NdisInitUnicodeString in the simulated NDIS.
func (w *world) InitUnicodeString(us *ndis.String, s string) {
	const ddi = "NdisInitUnicodeString"
	defer w.st.EnterDDI(ddi, args("_us", "s"))()
	if w.needPtr(ddi, "_us", us == nil) {
		*us = s
	}
}

// InitializeString runs NdisInitializeString in the simulated NDIS: the
// ANSI source is converted to Unicode in a buffer NDIS allocates, which the
// driver frees with NdisFreeString.
func (w *world) InitializeString(destination *ndis.String, source string) {
	const ddi = "NdisInitializeString"
	defer w.st.EnterDDI(ddi, args("Destination", "Source"))()
	if !w.needPtr(ddi, "Destination", destination == nil) {
		return
	}
	*destination = latin1ToUnicode(source)
	w.initMisc().strings[*destination]++
}

// FreeString runs NdisFreeString in the simulated NDIS. The simulation
// knows a string by its value: freeing a value NdisInitializeString did
// not allocate, or freeing it more often than it was allocated, is
// reported.
func (w *world) FreeString(s ndis.String) {
	const ddi = "NdisFreeString"
	defer w.st.EnterDDI(ddi, args("String"))()
	m := w.initMisc()
	if m.strings[s] == 0 {
		w.report(rules.RuleMemoryFreeUnknown, "%s of %q, which NdisInitializeString did not allocate or which was already freed", ddi, s)
		return
	}
	if m.strings[s]--; m.strings[s] == 0 {
		delete(m.strings, s)
	}
}

// stringLeaks reports the strings NdisInitializeString allocated that were
// never freed and returns how many.
func (w *world) stringLeaks() int {
	var left []string
	for s, n := range w.misc.strings {
		for i := 0; i < n; i++ {
			left = append(left, s)
		}
	}
	sort.Strings(left)
	for _, s := range left {
		w.report(rules.RuleMemoryLeak, "the string %q from NdisInitializeString was never freed with NdisFreeString", s)
	}
	return len(left)
}

// InitializeListHead runs NdisInitializeListHead in the simulated NDIS.
func (w *world) InitializeListHead(listHead *ndis.ListEntry) {
	const ddi = "NdisInitializeListHead"
	defer w.st.EnterDDI(ddi, args("_ListHead"))()
	if w.needPtr(ddi, "_ListHead", listHead == nil) {
		listHead.Flink, listHead.Blink = listHead, listHead
	}
}

// InitializeSListHead runs NdisInitializeSListHead in the simulated NDIS.
func (w *world) InitializeSListHead(sListHead *ndis.SlistHeader) {
	const ddi = "NdisInitializeSListHead"
	defer w.st.EnterDDI(ddi, args("SListHead"))()
	if w.needPtr(ddi, "SListHead", sListHead == nil) {
		*sListHead = ndis.SlistHeader{}
		w.initMisc().slists[sListHead] = true
	}
}

// QueryDepthSList runs NdisQueryDepthSList in the simulated NDIS.
func (w *world) QueryDepthSList(sListHead *ndis.SlistHeader) uint16 {
	const ddi = "NdisQueryDepthSList"
	defer w.st.EnterDDI(ddi, args("SListHead"))()
	if !w.needPtr(ddi, "SListHead", sListHead == nil) {
		return 0
	}
	if !w.initMisc().slists[sListHead] {
		w.report(rules.RuleBadParameter, "%s: SListHead is not a head NdisInitializeSListHead initialized", ddi)
		return 0
	}
	return sListHead.Depth
}
