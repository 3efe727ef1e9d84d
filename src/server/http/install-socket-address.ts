import { installSocketAddressTracking } from './socket-address';

// Loaded first by the production server entry (see server-entry-preload.ts),
// before the adapter creates its server.
installSocketAddressTracking();
