/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native data files and WASM: loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["geoip-lite", "@electric-sql/pglite", "postgres"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
