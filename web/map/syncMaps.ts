// Two maps kept in step: moving either (pan, zoom, rotate) moves the other to the same camera. A dozen lines, so no
// plugin: the guard stops the echo of the follower's own move event.
import type { Map as MapLibreMap } from 'maplibre-gl';

export function syncMaps(a: MapLibreMap, b: MapLibreMap): () => void {
  let following = false;
  const follow = (leader: MapLibreMap, follower: MapLibreMap) => () => {
    if (following) return;
    following = true;
    follower.jumpTo({
      center: leader.getCenter(),
      zoom: leader.getZoom(),
      bearing: leader.getBearing(),
      pitch: leader.getPitch(),
    });
    following = false;
  };
  const [ab, ba] = [follow(a, b), follow(b, a)];
  a.on('move', ab);
  b.on('move', ba);
  ab();
  return () => {
    a.off('move', ab);
    b.off('move', ba);
  };
}
