import { render } from 'preact';
import { Root } from './ui/root.js';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) render(<Root />, root);
