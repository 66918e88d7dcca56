// Vite configuration for the recirc web shell.
//
// - `npm run dev` serves the app on http://127.0.0.1:5173 and forwards /api to a running recirc
//   (RECIRC_URL, default http://127.0.0.1:8080), so the browser sees one origin and the session
//   cookie (SameSite=Strict) and CSRF header work exactly as in production.
// - `npm run build` writes dist/: index.html plus content-hashed files under dist/assets/, which the
//   server sends with immutable caching (index.html itself with no-cache).
// - Element Plus components are imported on demand: unplugin-vue-components resolves each <el-*>
//   tag used in a template to its ES module and its CSS, so only what the app uses is bundled.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const recircUrl = process.env.RECIRC_URL || 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: false,
    }),
  ],
  define: {
    // vue-i18n: Composition API only, no legacy API, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // src/categories.js imports ../data/categories.json, the vocabulary the server compiles in.
    fs: { allow: ['.', '../data'] },
    proxy: {
      '/api': { target: recircUrl, changeOrigin: false },
      '/log': { target: recircUrl, changeOrigin: false }, // the transparency log (the item page's key)
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries in two long-lived chunks (they change less often than the app, and their
        // hashed names stay cached across app releases); the app's pages split per route.
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 20 },
            { name: 'element-plus', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.js'],
    // Rendering every message of both languages takes seconds on a loaded 2-core machine; the
    // default 5 s made that test fail on load, not on a fault.
    testTimeout: 60_000,
  },
})
