import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
// Services called from scripts (not tags) need their styles imported by hand.
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { ElMessage } from 'element-plus'

import App from './App.vue'
import { api, configureApi } from './api/index.js'
import { setTimeZone } from './format.js'
import { createAppI18n } from './i18n/index.js'
import { createAppRouter } from './router.js'
import { useSessionStore } from './stores/session.js'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
const i18n = createAppI18n()
app.use(pinia)
app.use(i18n)
document.documentElement.lang = i18n.global.locale.value

const session = useSessionStore(pinia)
const router = createAppRouter()

configureApi({
  csrfToken: () => session.csrfToken,
  language: () => i18n.global.locale.value,
  // A 401 outside /session means the session ended (expired, revoked, logged out elsewhere).
  onUnauthenticated: () => {
    if (!session.loggedIn) return
    session.clear()
    ElMessage.warning(i18n.global.t('errors.sessionExpired'))
    const here = router.currentRoute.value
    router.push({ name: 'login', query: here.meta.public ? {} : { redirect: here.fullPath } })
  },
})

app.use(router)
app.mount('#app')
// The node's time zone for every time shown (Asia/Shanghai until it answers, or if it cannot).
api
  .webSettings()
  .then((s) => setTimeZone(s?.time_zone))
  .catch(() => {})
