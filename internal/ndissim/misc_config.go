package ndissim

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/rules"
)

// The registry parameters: every configuration handle of a run opens the
// key the harness supplied (Sim.SetConfiguration; an empty key if none),
// its subkeys open its ConfigKey's SubKeys, value names compare case
// insensitively as the registry's do, and what NdisWriteConfiguration
// writes, later reads of the run see.

// ConfigKey is a registry key of the simulated configuration: its values
// and its subkeys, in index order.
type ConfigKey struct {
	Values  map[string]ndis.ConfigurationParameter
	SubKeys []ConfigSubKey
}

// ConfigSubKey is one named subkey.
type ConfigSubKey struct {
	Name string
	Key  *ConfigKey
}

// clone copies k deeply, so the run's writes do not reach the harness's.
func (k *ConfigKey) clone() *ConfigKey {
	c := &ConfigKey{Values: map[string]ndis.ConfigurationParameter{}}
	if k == nil {
		return c
	}
	for n, v := range k.Values {
		v.BinaryData = append([]byte(nil), v.BinaryData...)
		c.Values[n] = v
	}
	for _, s := range k.SubKeys {
		c.SubKeys = append(c.SubKeys, ConfigSubKey{Name: s.Name, Key: s.Key.clone()})
	}
	return c
}

// value finds the value named name, ignoring case.
func (k *ConfigKey) value(name string) (string, bool) {
	for n := range k.Values {
		if strings.EqualFold(n, name) {
			return n, true
		}
	}
	return "", false
}

// openKey is a configuration handle's key and the parameters
// NdisReadConfiguration returned through it (NDIS keeps them until the
// handle is closed).
type openKey struct {
	key  *ConfigKey
	read []*ndis.ConfigurationParameter
}

// SetConfiguration gives the run the registry key its configuration
// handles open.
func (s *Sim) SetConfiguration(root *ConfigKey) { s.w.initMisc().config = root.clone() }

// rootKey is the key NdisOpenConfigurationEx opens.
func (w *world) rootKey() *ConfigKey {
	m := w.initMisc()
	if m.config == nil {
		m.config = (*ConfigKey)(nil).clone()
	}
	return m.config
}

// keyArg resolves a ConfigurationHandle: an open handle of a key.
func (w *world) keyArg(ddi string, h ndis.Handle) (*openKey, *resourceHandle) {
	rh, _ := h.(*resourceHandle)
	k := w.initMisc().keys[rh]
	if k == nil || rh.r.released {
		w.report(rules.RuleBadHandle, "%s: ConfigurationHandle is not an open configuration handle", ddi)
		return nil, nil
	}
	return k, rh
}

// openSubKey hands out a handle of sub, a subkey of the key parent
// opened. It is released as its parent is, with NdisCloseConfiguration, so
// its resource carries the parent's acquire DDI (the catalogue's pair).
func (w *world) openSubKey(ddi string, parent *resourceHandle, name string, sub *ConfigKey) *resourceHandle {
	h := &resourceHandle{}
	h.r = w.acquired(h, parent.r.acquire, fmt.Sprintf("configuration subkey %q (%s)", name, ddi))
	w.initMisc().keys[h] = &openKey{key: sub}
	return h
}

// OpenConfigurationKeyByIndex runs NdisOpenConfigurationKeyByIndex in the
// simulated NDIS.
func (w *world) OpenConfigurationKeyByIndex(status *ndis.Status, configurationHandle ndis.Handle, index uint32, keyName *ndis.String, keyHandle *ndis.Handle) {
	const ddi = "NdisOpenConfigurationKeyByIndex"
	defer w.st.EnterDDI(ddi, args("Status", describeResource(configurationHandle), index, "KeyName", "KeyHandle"))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "KeyName", keyName == nil) || !w.needPtr(ddi, "KeyHandle", keyHandle == nil) {
		return
	}
	*status = ndis.StatusFailure
	k, rh := w.keyArg(ddi, configurationHandle)
	if k == nil || index >= uint32(len(k.key.SubKeys)) {
		return
	}
	s := k.key.SubKeys[index]
	*keyHandle, *keyName, *status = w.openSubKey(ddi, rh, s.Name, s.Key), s.Name, ndis.StatusSuccess
}

// OpenConfigurationKeyByName runs NdisOpenConfigurationKeyByName in the
// simulated NDIS.
func (w *world) OpenConfigurationKeyByName(status *ndis.Status, configurationHandle ndis.Handle, subKeyName *ndis.String, subKeyHandle *ndis.Handle) {
	const ddi = "NdisOpenConfigurationKeyByName"
	defer w.st.EnterDDI(ddi, args("Status", describeResource(configurationHandle), "SubKeyName", "SubKeyHandle"))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "SubKeyName", subKeyName == nil) || !w.needPtr(ddi, "SubKeyHandle", subKeyHandle == nil) {
		return
	}
	*status = ndis.StatusFailure
	k, rh := w.keyArg(ddi, configurationHandle)
	if k == nil {
		return
	}
	for _, s := range k.key.SubKeys {
		if strings.EqualFold(s.Name, *subKeyName) {
			*subKeyHandle, *status = w.openSubKey(ddi, rh, s.Name, s.Key), ndis.StatusSuccess
			return
		}
	}
}

// ReadConfiguration runs NdisReadConfiguration in the simulated NDIS: a
// string value read as an integer (NdisParameterInteger, decimal;
// NdisParameterHexInteger, hexadecimal) is converted, as NDIS converts a
// REG_SZ value; any other value is returned with its own type.
func (w *world) ReadConfiguration(status *ndis.Status, parameterValue **ndis.ConfigurationParameter, configurationHandle ndis.Handle, keyword *ndis.String, parameterType ndis.ParameterType) {
	const ddi = "NdisReadConfiguration"
	defer w.st.EnterDDI(ddi, args("Status", "ParameterValue", describeResource(configurationHandle), "Keyword", int64(parameterType)))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "ParameterValue", parameterValue == nil) || !w.needPtr(ddi, "Keyword", keyword == nil) {
		return
	}
	*status = ndis.StatusFailure
	k, _ := w.keyArg(ddi, configurationHandle)
	if k == nil {
		return
	}
	name, ok := k.key.value(*keyword)
	if !ok {
		return
	}
	v, ok := converted(k.key.Values[name], parameterType)
	if !ok {
		return
	}
	k.read = append(k.read, &v)
	*parameterValue, *status = &v, ndis.StatusSuccess
}

// converted returns v read as typ: a string converted to the integer typ
// asks for, or v itself; ok is false for a string that is no such integer.
func converted(v ndis.ConfigurationParameter, typ ndis.ParameterType) (ndis.ConfigurationParameter, bool) {
	if v.ParameterType != ndis.ParameterString || (typ != ndis.ParameterInteger && typ != ndis.ParameterHexInteger) {
		return v, true
	}
	base := 10
	if typ == ndis.ParameterHexInteger {
		base = 16
	}
	n, err := strconv.ParseUint(strings.TrimSpace(v.StringData), base, 32)
	if err != nil {
		return v, false
	}
	return ndis.ConfigurationParameter{ParameterType: typ, IntegerData: uint32(n)}, true
}

// WriteConfiguration runs NdisWriteConfiguration in the simulated NDIS.
func (w *world) WriteConfiguration(status *ndis.Status, configurationHandle ndis.Handle, keyword *ndis.String, parameterValue *ndis.ConfigurationParameter) {
	const ddi = "NdisWriteConfiguration"
	defer w.st.EnterDDI(ddi, args("Status", describeResource(configurationHandle), "Keyword", "ParameterValue"))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "Keyword", keyword == nil) || !w.needPtr(ddi, "ParameterValue", parameterValue == nil) {
		return
	}
	*status = ndis.StatusFailure
	k, _ := w.keyArg(ddi, configurationHandle)
	if k == nil {
		return
	}
	name, ok := k.key.value(*keyword)
	if !ok {
		name = *keyword
	}
	v := *parameterValue
	v.BinaryData = append([]byte(nil), v.BinaryData...)
	k.key.Values[name] = v
	*status = ndis.StatusSuccess
}

// networkAddressKeyword is the registry value NdisReadNetworkAddress reads
// (the page: the NetworkAddress keyword).
const networkAddressKeyword = "NetworkAddress"

// ReadNetworkAddress runs NdisReadNetworkAddress in the simulated NDIS:
// the NetworkAddress value is a string of hexadecimal digits, optionally
// separated by '-' or ':'; one that is not fails.
func (w *world) ReadNetworkAddress(status *ndis.Status, networkAddress *[]byte, networkAddressLength *uint32, configurationHandle ndis.Handle) {
	const ddi = "NdisReadNetworkAddress"
	defer w.st.EnterDDI(ddi, args("Status", "NetworkAddress", "NetworkAddressLength", describeResource(configurationHandle)))()
	if !w.needPtr(ddi, "Status", status == nil) || !w.needPtr(ddi, "NetworkAddress", networkAddress == nil) || !w.needPtr(ddi, "NetworkAddressLength", networkAddressLength == nil) {
		return
	}
	*status = ndis.StatusFailure
	k, _ := w.keyArg(ddi, configurationHandle)
	if k == nil {
		return
	}
	name, ok := k.key.value(networkAddressKeyword)
	if !ok || k.key.Values[name].ParameterType != ndis.ParameterString {
		return
	}
	addr, ok := parseHexAddress(k.key.Values[name].StringData)
	if !ok {
		return
	}
	*networkAddress, *networkAddressLength, *status = addr, uint32(len(addr)), ndis.StatusSuccess
}

// parseHexAddress reads hexadecimal digit pairs, ignoring '-' and ':'.
func parseHexAddress(s string) ([]byte, bool) {
	digits := strings.NewReplacer("-", "", ":", "").Replace(strings.TrimSpace(s))
	if digits == "" || len(digits)%2 != 0 {
		return nil, false
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		n, err := strconv.ParseUint(digits[2*i:2*i+2], 16, 8)
		if err != nil {
			return nil, false
		}
		out[i] = byte(n)
	}
	return out, true
}

// QueryAdapterInstanceName runs NdisQueryAdapterInstanceName in the
// simulated NDIS: the friendly name of the adapter of a binding is the name
// the harness gave it.
func (w *world) QueryAdapterInstanceName(pAdapterInstanceName *ndis.String, ndisBindingHandle ndis.Handle) ndis.Status {
	const ddi = "NdisQueryAdapterInstanceName"
	defer w.st.EnterDDI(ddi, args("pAdapterInstanceName", ndisBindingHandle))()
	o := w.openArg(ddi, "NdisBindingHandle", ndisBindingHandle)
	if o == nil || !w.needPtr(ddi, "pAdapterInstanceName", pAdapterInstanceName == nil) {
		return ndis.StatusResources
	}
	*pAdapterInstanceName = o.adapter.name
	return ndis.StatusSuccess
}
