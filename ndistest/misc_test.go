package ndistest_test

import (
	"testing"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
)

// A driver reads the registry parameters and files the test supplied, and
// what it logs is in the run's event log.
func TestConfigurationAndFilesOptions(t *testing.T) {
	sys := ndistest.New(t,
		ndistest.Configuration(&ndistest.ConfigKey{Values: map[string]ndis.ConfigurationParameter{
			"MaxFrames": {ParameterType: ndis.ParameterInteger, IntegerData: 32}}}),
		ndistest.Files(map[string][]byte{"fw.bin": []byte("firmware")}))
	var cfg ndis.Handle
	var st ndis.Status
	var pv *ndis.ConfigurationParameter
	kw := ndis.String("MaxFrames")
	ndis.OpenConfigurationEx(&ndis.ConfigurationObject{}, &cfg)
	ndis.ReadConfiguration(&st, &pv, cfg, &kw, ndis.ParameterInteger)
	ndis.CloseConfiguration(cfg)
	if st != ndis.StatusSuccess || pv.IntegerData != 32 {
		t.Fatalf("NdisReadConfiguration = %s, %+v", st, pv)
	}
	var h ndis.Handle
	var n uint32
	var b []byte
	fw := ndis.String("fw.bin")
	ndis.OpenFile(&st, &h, &n, &fw, -1)
	ndis.MapFile(&st, &b, h)
	if string(b) != "firmware" || n != 8 {
		t.Fatalf("the mapped file is %q (%d bytes)", b, n)
	}
	ndis.UnmapFile(h)
	ndis.CloseFile(h)
	ndis.WriteEventLogEntry(&ndis.DriverObject{DriverName: "sample"}, ndis.StatusFailure, 1, 0, nil, 0, nil)
	if log := sys.EventLog(); len(log) != 1 || log[0].Driver != "sample" {
		t.Fatalf("event log = %+v", log)
	}
}
