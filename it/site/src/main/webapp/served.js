// Writes under each picture which file the server sent: its pixel size, format, bytes, and where the filter took it
// from (Server-Timing's cache state: pregenerated, hit or generated), so a visitor sees the size ladder and the cache
// at work without developer tools. Everything comes from the browser's Resource Timing entry of the URL the picture
// loaded (same origin, so Server-Timing and sizes are exposed) and from the decoded file itself: no extra request.
(function () {
  'use strict';

  var FORMATS = { 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/bmp': 'BMP' };
  var ENCODINGS = { jpeg: 'JPEG', jpg: 'JPEG', webp: 'WebP', png: 'PNG', gif: 'GIF', bmp: 'BMP' };

  if (performance.setResourceTimingBufferSize) {
    performance.setResourceTimingBufferSize(1000);
  }

  function latestEntry(url) {
    var entries = performance.getEntriesByName(url, 'resource');
    return entries.length ? entries[entries.length - 1] : null;
  }

  // The entry is usually there by the load event; when it is not, it arrives soon after.
  function entryFor(url) {
    var entry = latestEntry(url);
    if (entry || !('PerformanceObserver' in window)) {
      return Promise.resolve(entry);
    }
    return new Promise(function (resolve) {
      var observer = new PerformanceObserver(function () {
        var found = latestEntry(url);
        if (found) {
          observer.disconnect();
          resolve(found);
        }
      });
      observer.observe({ type: 'resource', buffered: true });
      setTimeout(function () { observer.disconnect(); resolve(latestEntry(url)); }, 3000);
    });
  }

  // With srcset's w descriptors the <img>'s natural size is scaled by the chosen density; a copy of the same URL
  // (from the browser's memory cache) reports the file's own pixels.
  function fileSize(url) {
    var copy = new Image();
    copy.src = url;
    return copy.decode().then(function () { return copy.naturalWidth + ' × ' + copy.naturalHeight; });
  }

  function format(entry, url) {
    if (entry && FORMATS[entry.contentType]) {
      return FORMATS[entry.contentType];
    }
    var encoding = new URL(url).searchParams.get('encoding');
    return ENCODINGS[(encoding || '').toLowerCase()] || 'image';
  }

  function bytes(entry) {
    var size = entry ? entry.encodedBodySize : 0;
    if (!size) {
      return null;
    }
    return size < 1024 ? size + ' B' : Math.round(size / 1024) + ' KB';
  }

  function cacheState(entry) {
    if (!entry) {
      return 'from the browser cache';
    }
    var cache = (entry.serverTiming || []).filter(function (timing) { return timing.name === 'cache'; })[0];
    if (cache) {
      return cache.description;
    }
    return entry.transferSize === 0 ? 'from the browser cache' : 'original';
  }

  function label(img) {
    var caption = img.closest('figure') && img.closest('figure').querySelector('figcaption');
    if (!caption) {
      return null;
    }
    var served = caption.querySelector('.served');
    if (!served) {
      served = document.createElement('span');
      served.className = 'served';
      caption.appendChild(served);
    }
    return served;
  }

  function show(img) {
    var url = img.currentSrc;
    var served = label(img);
    if (!url || !served) {
      return;
    }
    Promise.all([entryFor(url), fileSize(url)]).then(function (found) {
      if (img.currentSrc !== url) {
        return;
      }
      var entry = found[0];
      served.textContent = 'served ' + [found[1] + ' ' + format(entry, url), bytes(entry), cacheState(entry)]
          .filter(Boolean).join(', ');
      served.title = url;
    }).catch(function () {
      served.textContent = 'served ' + url;
    });
  }

  document.querySelectorAll('figure img').forEach(function (img) {
    img.addEventListener('load', function () { show(img); });
    if (img.complete && img.naturalWidth > 0) {
      show(img);
    }
  });
}());
