package main

import (
	"strings"
	"testing"
)

// seedModule is a scratch module holding the seed case and its twin.
func seedModule(t *testing.T) string {
	return scratchModule(t, map[string]string{
		"client/client.go": seedClient,
		"twin/twin.go":     seedTwin,
	})
}

// checkSeedFindings checks that out reports the seed at its marked line,
// naming NdisCoDeleteVc and rule vc-delete-cm-vc, and nothing else: not in
// the twin, and nothing more in the client.
func checkSeedFindings(t *testing.T, r result, out string) {
	t.Helper()
	fs := findings(out)
	want := lineOf(t, seedClient, seedMarker)
	client := in(fs, "client/client.go")
	if len(client) != 1 || client[0].line != want {
		t.Errorf("want one finding in client/client.go at line %d, got %d:\n%s", want, len(client), r)
	} else {
		msg := client[0].message
		if !strings.Contains(msg, "NdisCoDeleteVc") || ruleOf(client[0]) != "vc-delete-cm-vc" {
			t.Errorf("finding %q: want it to name NdisCoDeleteVc and end with (vc-delete-cm-vc)", client[0].rawLineOut)
		}
	}
	if twin := in(fs, "twin/twin.go"); len(twin) != 0 {
		t.Errorf("the twin must be silent, got:\n%s", r)
	}
	if len(fs) != len(client) {
		t.Errorf("findings outside the seed:\n%s", r)
	}
}

// TestSeedStandalone: ndislint ./... reports the seed and exits 3.
func TestSeedStandalone(t *testing.T) {
	dir := seedModule(t)
	r := ndislint(t, dir, "./...")
	if r.code != 3 {
		t.Errorf("want exit status 3 (findings), got:\n%s", r)
	}
	checkSeedFindings(t, r, r.stderr)
}

// TestSeedGoVet: go vet -vettool=ndislint reports the seed the same way
// (go vet's exit status is 1 when its tool reports anything).
func TestSeedGoVet(t *testing.T) {
	dir := seedModule(t)
	r := goVet(t, dir, "./...")
	if r.code != 1 {
		t.Errorf("want go vet's exit status 1, got:\n%s", r)
	}
	checkSeedFindings(t, r, r.stderr)
}
