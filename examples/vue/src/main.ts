import { createApp } from 'vue';
import '@thrume/calls/elements'; // registers the elements before Vue mounts, so it sets their properties
import App from './App.vue';

createApp(App).mount('#app');
