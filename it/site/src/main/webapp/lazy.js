// Asks for each picture at the size its slot needs, once it comes near the viewport. Any width may be asked: the
// filter snaps it up to the size ladder, so the variants per picture stay few and the result is never blurry.
(function () {
  'use strict';

  function load(img) {
    var width = Math.round(img.getBoundingClientRect().width * (window.devicePixelRatio || 1));
    img.src = 'picture/' + img.dataset.picture + '?scalex=' + Math.max(1, width) + '&encoding=auto';
  }

  var pictures = document.querySelectorAll('img[data-picture]');
  if (!('IntersectionObserver' in window)) {
    pictures.forEach(load);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        load(entry.target);
      }
    });
  }, { rootMargin: '200px 0px' });
  pictures.forEach(function (img) { observer.observe(img); });
}());
