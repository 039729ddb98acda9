package ingest

import "hash/maphash"

// idKey is a 128-bit hash of an identifier. The maps of a call (up to ten million event
// ids, a million and a half youths) are keyed by it rather than by strings: a map without
// pointers is never scanned by the garbage collector, and takes half the memory. Two
// distinct ids share a key with probability about n²/2¹²⁹ — nil for any real batch.
type idKey [2]uint64

var idSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func keyOf(id string) idKey {
	return idKey{maphash.String(idSeeds[0], id), maphash.String(idSeeds[1], id)}
}
