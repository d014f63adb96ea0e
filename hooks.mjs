export async function load(url, context, next) { const r = await next(url, context); process.stderr.write('LOAD ' + url + '\n'); return r; }
