// Starts the app without inline script, so the Content-Security-Policy can forbid it.
// Trunk writes the hashed file names into <meta name="golmok-boot">; URLs resolve
// against <base href>, which is how the app runs under a sub-path.
const boot = document.querySelector('meta[name="golmok-boot"]');

function fail() {
  const app = document.getElementById('app');
  if (!app) return;
  app.textContent = '';
  const p = document.createElement('p');
  p.className = 'boot-text boot-error';
  p.textContent = '골목을 불러오지 못했어요. 새로고침해 주세요. / Golmok could not start. Please reload.';
  app.append(p);
}

try {
  const js = new URL(boot.dataset.js, document.baseURI).href;
  const wasm = new URL(boot.dataset.wasm, document.baseURI).href;
  const { default: init } = await import(js);
  await init({ module_or_path: wasm });
} catch (error) {
  console.error(error);
  fail();
}
