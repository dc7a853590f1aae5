package ndissim

// miniport6Extras is what the simulated NDIS keeps for the NDIS 6 miniport
// DDIs of miniport6_*.go, per adapter: selective suspend.
type miniport6Extras struct {
	idle map[*adapter6]*idleState
}

// extras returns the run's miniport6Extras.
func (w *world) extras() *miniport6Extras {
	if w.mp6x.idle == nil {
		w.mp6x.idle = map[*adapter6]*idleState{}
	}
	return &w.mp6x
}
