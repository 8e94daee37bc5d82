// One line on a district's website, and its proposals and news show there:
//
//   <script src="https://PORTAL/embed.js" data-district="SLUG" async></script>
//
// puts an iframe of PORTAL/embed/d/SLUG where the tag stands. Options, as data
// attributes: data-show (proposals, announcements or both), data-limit (1 to 10),
// data-lang (ko or en), data-accent (#rgb or #rrggbb), data-title (the frame's name for
// screen readers; "골목 Golmok · SLUG" without it). Plain script for any page: no module, no dependency.
//
// The widget tells its frame how tall its content is. A message counts only if it comes
// from the portal's origin, from that very frame, naming that frame's instance: the host
// page (or anything else on it) cannot resize a widget. Loaded twice, the script places
// each tag once and listens once: copies share what they placed on `window`.
(function () {
  // An element with id="golmokEmbed" on the host page is also `window.golmokEmbed`.
  var shared = window.golmokEmbed;
  if (!shared || typeof shared.frames !== 'object' || (window.Node && shared instanceof Node)) {
    shared = window.golmokEmbed = { frames: {}, listening: false };
  }
  var OPTIONS = ['show', 'limit', 'lang', 'accent'];

  function randomId() {
    var bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function place(script) {
    script.setAttribute('data-golmok-placed', '');
    var slug = script.getAttribute('data-district') || '';
    if (!/^[a-z0-9-]+$/.test(slug)) {
      console.warn('golmok embed.js: data-district must be a district\'s slug, such as "eungubi-seo"');
      return;
    }
    var instance = randomId();
    var url = new URL('embed/d/' + slug, script.src);
    OPTIONS.forEach(function (name) {
      var value = script.getAttribute('data-' + name);
      if (value) url.searchParams.set(name, value);
    });
    url.searchParams.set('instance', instance);
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = script.getAttribute('data-title') || '골목 Golmok · ' + slug;
    frame.setAttribute('data-golmok-instance', instance);
    // Through the style object, which a host page's CSP allows where a style attribute may not.
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.maxWidth = '40rem';
    frame.style.height = '24rem';
    frame.style.border = '0';
    script.parentNode.insertBefore(frame, script);
    shared.frames[instance] = { frame: frame, origin: url.origin };
  }

  function resize(event) {
    var data = event.data;
    if (!data || data.golmok !== 'height' || typeof data.instance !== 'string') return;
    var placed = Object.prototype.hasOwnProperty.call(shared.frames, data.instance) && shared.frames[data.instance];
    if (!placed || event.origin !== placed.origin || event.source !== placed.frame.contentWindow) return;
    var height = Math.ceil(Number(data.height));
    if (height > 0 && height < 20000) placed.frame.style.height = height + 'px';
  }

  if (!shared.listening) {
    shared.listening = true;
    window.addEventListener('message', resize);
  }
  var scripts = document.querySelectorAll('script[data-district]:not([data-golmok-placed])');
  Array.prototype.forEach.call(scripts, function (script) {
    if (script.src && /\/embed\.js$/.test(new URL(script.src).pathname)) place(script);
  });
})();
