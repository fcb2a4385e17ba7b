/**
 * Reads `SBSS_PLUGIN_HOSTS`: hosts an administrator grants plugins beyond their manifests, as
 * `plugin=host,host;plugin=host`, e.g. `notify=robot.corp.example;crm=crm.corp.example`.
 */
export function parsePluginHosts(text: string): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const entry of text.split(';')) {
    if (!entry.trim()) continue;
    const [plugin, hosts = ''] = entry.split('=', 2).map((part) => part.trim());
    if (!plugin || !hosts) throw new Error(`SBSS_PLUGIN_HOSTS: expected plugin=host[,host], got "${entry}"`);
    const list = hosts
      .split(',')
      .map((host) => host.trim())
      .filter(Boolean);
    grants[plugin] = [...(grants[plugin] ?? []), ...list];
  }
  return grants;
}
